package org.billinghost.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks made before the framework starts, so that common mistakes fail fast with one sentence. */
final class Preflight {
    private Preflight() {
    }

    static void check(LauncherOptions options) throws StartupException {
        checkWritable(options.dataDir());
        DataDirectory.makePrivate(options);
        if (options.dbPasswordFile() != null && !Files.isReadable(options.dbPasswordFile())) {
            throw new StartupException("Database password file " + options.dbPasswordFile() + " cannot be read.");
        }
        if (options.confDir() != null && !Files.isDirectory(options.confDir())) {
            throw new StartupException("Configuration directory " + options.confDir() + " does not exist (copy the "
                    + "distribution's conf/ there first).");
        }
        checkPortFree(options.bind(), options.port());
    }

    static void checkWritable(Path dataDir) throws StartupException {
        try {
            Files.createDirectories(dataDir);
            // isWritable says nothing about full disks or read-only mounts: write for real
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupException("Data directory " + dataDir + " is not writable.", e);
        }
    }

    static void checkPortFree(String bind, int port) throws StartupException {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new StartupException("Bind address " + bind + " is not a known address of this machine.", e);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new StartupException("Port " + port + " on " + bind + " is already in use (choose another with --port).", e);
        }
    }
}
