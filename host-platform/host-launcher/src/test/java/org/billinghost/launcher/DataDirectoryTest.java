package org.billinghost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aNewDataDirectoryAndItsPartsArePrivate() throws Exception {
        Path data = dir.resolve("new-data");

        DataDirectory.makePrivate(LauncherOptions.parse(List.of("--data", data.toString())));

        for (String part : List.of("", "db", "logs", "cache", "tmp", "conf")) {
            assertThat(Files.getPosixFilePermissions(data.resolve(part))).as(part)
                    .isEqualTo(DataDirectory.PRIVATE_DIRECTORY);
        }
    }

    @Test
    void anEarlierStartsReadableDirectoriesAndFilesAreTightened() throws Exception {
        Path data = dir.resolve("old-data");
        Path database = Files.createDirectories(data.resolve("db")).resolve("billing.mv.db");
        Path log = Files.createDirectories(data.resolve("logs")).resolve("billing-host.log");
        for (Path file : List.of(database, log)) {
            Files.writeString(file, "x");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        for (Path directory : List.of(data, data.resolve("db"), data.resolve("logs"))) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        DataDirectory.makePrivate(LauncherOptions.parse(List.of("--data", data.toString())));

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.PRIVATE_DIRECTORY);
        assertThat(Files.getPosixFilePermissions(data.resolve("db"))).isEqualTo(DataDirectory.PRIVATE_DIRECTORY);
        assertThat(Files.getPosixFilePermissions(database)).isEqualTo(DataDirectory.PRIVATE_FILE);
        assertThat(Files.getPosixFilePermissions(log)).isEqualTo(DataDirectory.PRIVATE_FILE);
        assertThat(Files.readString(database)).isEqualTo("x");
    }

    @Test
    void anExternalDatabaseGetsNoDbDirectory() throws Exception {
        Path data = dir.resolve("pg-data");

        DataDirectory.makePrivate(LauncherOptions.parse(List.of("--data", data.toString(),
                "--db-url", "jdbc:postgresql://127.0.0.1/billing")));

        assertThat(data.resolve("db")).doesNotExist();
        assertThat(Files.getPosixFilePermissions(data.resolve("logs"))).isEqualTo(DataDirectory.PRIVATE_DIRECTORY);
    }
}
