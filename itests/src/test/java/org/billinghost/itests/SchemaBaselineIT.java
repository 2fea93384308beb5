package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.billinghost.testsupport.HostProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A host started by {@code bin/billing-host} on a new data directory makes its H2 schema from the baseline the
 * host-core build put in the bundle, not script by script (docs/architecture.md, "Schema migrations").
 */
public class SchemaBaselineIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void aNewDatabaseIsMadeFromTheBundlesBaseline() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        try (HostProcess host = HostProcess.options(data).start()) {
            String log = Files.readString(data.resolve("logs/billing-host.log"));
            assertThat(log).contains("Applied baseline owner=org.billinghost.host-core");
            assertThat(log).doesNotContain("Applied migration owner=org.billinghost.host-core");
            assertThat(host.stop()).as("exit status after SIGTERM").isZero();
        }
    }
}
