package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.billinghost.testsupport.HostProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The host's SLF4J messages reach Logback's log file in a host started by {@code bin/billing-host}: slf4j-api
 * loads the provider the launcher names (slf4j.provider, through the slf4j-logback-fragment) with no service
 * loader mediator (SPI Fly) in the distribution.
 */
public class LoggingIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void theHostsMessagesReachTheLogFileWithoutAServiceLoaderMediator() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        try (HostProcess host = HostProcess.options(data).start()) {
            // logged by the first-start seeding, before the host reports ready
            assertThat(Files.readString(data.resolve("logs/billing-host.log")))
                    .contains("Created the first admin username=admin demo=false");
            assertThat(host.stop()).as("exit status after SIGTERM").isZero();
        }
        assertThat(Files.readString(HostProcess.distribution().resolve("system/bundles.list"))).doesNotContain("spifly");
    }
}
