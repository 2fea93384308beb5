package org.billinghost.core.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.platform.HostHealth;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {

    @Test
    void unreachableDatabaseRegistersFailedHealthWithOneSentenceAndNoServices(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("pw"), "top-secret");
        FakeBundleContext fake = new FakeBundleContext(Map.of(
                "billing.db.url", "jdbc:postgresql://127.0.0.1:1/billing?connectTimeout=2",
                "billing.db.user", "billing",
                "billing.db.password.file", dir.resolve("pw").toString()));

        new DatabaseStartup(fake.context).awaitStarted();

        FakeBundleContext.Registered health = fake.only(HostHealth.class);
        assertThat(health.properties()).containsEntry(HostHealth.STATE, "failed");
        assertThat((String) health.properties().get(HostHealth.MESSAGE))
                .isEqualTo("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/billing?connectTimeout=2: "
                        + "Connection refused")
                .doesNotContain("top-secret");
        assertThat(((HostHealth) health.service()).ready()).isFalse();
        assertThat(fake.registered).hasSize(1);
    }

    @Test
    void defaultH2DatabaseInTheDataDirectoryIsMigratedAndRegistered(@TempDir Path data) throws Exception {
        FakeBundleContext fake = new FakeBundleContext(Map.of("billing.data.dir", data.toString()));

        DatabaseStartup startup = new DatabaseStartup(fake.context);
        try {
            startup.awaitStarted();
            Jdbc jdbc = (Jdbc) fake.only(Jdbc.class).service();
            assertThat(jdbc.queryLong("SELECT COUNT(*) FROM schema_version")).isPositive();
            assertThat(((ModuleDatabase) fake.only(ModuleDatabase.class).service()).dialect())
                    .isEqualTo(ModuleDatabase.Dialect.H2);
            assertThat(data.resolve("db").resolve("billing.mv.db")).exists();
            assertThat(fake.registered.stream().flatMap(r -> r.names().stream())).doesNotContain(HostHealth.class.getName());
        } finally {
            startup.deactivate();
        }
        assertThat(fake.registered).isEmpty();
    }

    @Test
    void anOlderBuildOnANewerDatabaseRegistersFailedHealthWithOneSentence(@TempDir Path data) throws Exception {
        long known;
        try (TestDatabase db = TestDatabases.h2File(data.resolve("db"))) {
            known = db.jdbc().queryLong("SELECT MAX(version) FROM schema_version");
            db.jdbc().update("INSERT INTO schema_version (version, name, applied_at, checksum) VALUES (9999, 'later', ?, "
                    + "'x')", Jdbc.now());
        }
        FakeBundleContext fake = new FakeBundleContext(Map.of("billing.data.dir", data.toString()));

        new DatabaseStartup(fake.context).awaitStarted();

        assertThat((String) fake.only(HostHealth.class).properties().get(HostHealth.MESSAGE))
                .isEqualTo("The database has schema version V9999 of org.billinghost.host-core, newer than this build"
                        + " knows (V" + known + "): start the newer build or restore a backup");
        assertThat(fake.registered).hasSize(1);
    }

    @Test
    void stoppingWhileTheDatabaseOpensLeavesNothingRegistered(@TempDir Path data) throws Exception {
        FakeBundleContext fake = new FakeBundleContext(Map.of("billing.data.dir", data.toString()));

        DatabaseStartup startup = new DatabaseStartup(fake.context);
        startup.deactivate();
        startup.awaitStarted();

        assertThat(fake.registered).isEmpty();
    }

    @Test
    void readinessSeedsThenRegistersReadyHealth() {
        try (CoreAssembly core = CoreAssembly.h2()) {
            FakeBundleContext fake = new FakeBundleContext(Map.of("billing.demo", "true"));

            HostReadiness readiness = new HostReadiness(fake.context, core.admins(), core.apiCredentials(),
                    core.catalog(), core.clients(), core.database());

            FakeBundleContext.Registered health = fake.only(HostHealth.class);
            assertThat(health.properties()).containsEntry(HostHealth.STATE, "ready").containsEntry(HostHealth.MESSAGE, "");
            assertThat(((HostHealth) health.service()).ready()).isTrue();
            assertThat(core.apiCredentials().authenticate("demo-api", "demo-api-secret")).isPresent();
            readiness.deactivate();
            assertThat(fake.registered).isEmpty();
        }
    }

    @Test
    void healthSaysWhyWhileTheDatabaseCannotBeUsedAndReadyWhenItCanAgain(@TempDir Path dir) {
        try (TestDatabase db = TestDatabases.h2File(dir); CoreAssembly core = CoreAssembly.on(db.database())) {
            FakeBundleContext fake = new FakeBundleContext(Map.of());
            HostReadiness readiness = new HostReadiness(fake.context, core.admins(), core.apiCredentials(),
                    core.catalog(), core.clients(), core.database());

            TestDatabases.closeUnderneath(db.database());

            FakeBundleContext.Registered health = fake.only(HostHealth.class);
            assertThat(health.properties()).containsEntry(HostHealth.STATE, "unavailable").containsEntry(
                    HostHealth.MESSAGE, "The database cannot be used (it was closed); requests are "
                            + "refused until it can write again, and the host reconnects by itself.");
            assertThat(((HostHealth) health.service()).ready()).isFalse();

            core.admins().create("second", "", "a-long-password", Admins.FULL_ADMINISTRATOR);

            assertThat(fake.only(HostHealth.class).properties()).containsEntry(HostHealth.STATE, "ready")
                    .containsEntry(HostHealth.MESSAGE, "");
            readiness.deactivate();
            assertThat(fake.registered).isEmpty();
        }
    }
}
