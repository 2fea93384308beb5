package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.billinghost.testsupport.HostProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The data directory of a host started by {@code bin/billing-host} is private to its user: the directories 0700
 * (also {@code conf/}, which existed readable before the start), the H2 database (it holds the Partner API secret)
 * and the log file 0600.
 */
public class DataDirectoryPermissionsIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void theDataDirectoryTheDatabaseAndTheLogAreReadableByTheHostsUserOnly() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        try (HostProcess host = HostProcess.options(data).start()) {
            for (String directory : new String[] {"", "conf", "db", "logs", "cache"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(directory))))
                        .as(directory.isEmpty() ? "the data directory" : directory).isEqualTo("rwx------");
            }
            for (String file : new String[] {"db/billing.mv.db", "logs/billing-host.log"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            assertThat(host.stop()).as("exit status after SIGTERM").isZero();
        }
    }
}
