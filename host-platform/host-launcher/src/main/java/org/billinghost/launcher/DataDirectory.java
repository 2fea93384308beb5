package org.billinghost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps the data directory private to the host's user: the H2 database holds the Partner API secret and the
 * logs name clients. The directory and its parts are created 0700, and tightened when an earlier start left
 * them (and the files of {@code db/} and {@code logs/}) readable by others; new files are 0600 through the
 * umask that {@code bin/billing-host} sets. File systems without POSIX permissions are left alone.
 */
final class DataDirectory {
    static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    static void makePrivate(LauncherOptions options) throws StartupException {
        Path data = options.dataDir();
        List<Path> directories = new ArrayList<>(List.of(data, data.resolve("logs"), data.resolve("cache"),
                data.resolve("tmp"), data.resolve("conf")));
        if (options.dbUrl().isEmpty()) {
            directories.add(data.resolve("db"));
        }
        try {
            for (Path directory : directories) {
                Files.createDirectories(directory);
                restrict(directory, PRIVATE_DIRECTORY);
            }
            for (Path directory : List.of(data.resolve("db"), data.resolve("logs"))) {
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> files = Files.list(directory)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            restrict(file, PRIVATE_FILE);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new StartupException("Data directory " + data + " cannot be made private to this user ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)
                && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
