package org.billinghost.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.billinghost.testsupport.HostProcess;

/**
 * The reference of issue 20's start-up target: a stock Apache Karaf (default features), unpacked afresh for each run
 * (so a fresh data directory, as the host's fresh start), from launch of {@code bin/karaf server} to its SSH console
 * port accepting a connection.
 */
final class KarafStartup {
    private static final Duration DEADLINE = Duration.ofSeconds(180);

    private final Path tarGz;

    KarafStartup(Path tarGz) {
        this.tarGz = tarGz;
    }

    /** Seconds from launch to the console port, in a new copy of Karaf under {@code work}. */
    double launchToConsolePort(Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Process tar = new ProcessBuilder("tar", "xzf", tarGz.toString(), "-C", work.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IOException("tar xzf " + tarGz + " failed");
        }
        Path home;
        try (var dirs = Files.list(work)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        int port = HostProcess.freePort();
        Path shell = home.resolve("etc/org.apache.karaf.shell.cfg");
        Files.writeString(shell, Files.readString(shell).replace("sshPort = 8101", "sshPort = " + port)
                .replace("sshHost = 0.0.0.0", "sshHost = 127.0.0.1"));
        ProcessBuilder server = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("karaf-console.log").toFile());
        server.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long start = System.nanoTime();
        Process karaf = server.start();
        try {
            while (!accepts(port)) {
                if (!karaf.isAlive() || System.nanoTime() - start > DEADLINE.toNanos()) {
                    throw new IOException("Karaf did not open its console port " + port + " within " + DEADLINE.toSeconds()
                            + " s (see " + home.resolve("karaf-console.log") + ")");
                }
                Thread.sleep(10);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            stop(karaf);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process karaf) throws InterruptedException {
        List<ProcessHandle> tree = karaf.descendants().toList();
        karaf.destroy();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        karaf.waitFor(30, TimeUnit.SECONDS);
    }
}
