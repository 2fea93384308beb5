package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.FieldType;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.jetpack.partner.Plan;
import org.junit.jupiter.api.Test;

/** The addon's life cycle: metadata, idempotent activation, deactivation and upgrade that keep the data. */
class JetpackAddonTest {
    private final ModuleDatabase database = TestDatabases.h2();
    private final JetpackAddon addon = new JetpackAddon(new InMemoryCatalog(), database, new RecordingActivityLog(),
            TestTemplates.addon());

    @Test
    void declaresTheTwoCredentialFieldsWithTheSecretAsAPassword() {
        assertThat(addon.metadata().fields()).extracting(ConfigField::key, ConfigField::label, ConfigField::type)
                .containsExactly(
                        tuple("partner_client_id", "Partner Client Id", FieldType.TEXT),
                        tuple("partner_client_secret", "Partner Client Secret", FieldType.PASSWORD));
        assertThat(addon.metadata().version()).isEqualTo(JetpackAddon.VERSION);
    }

    @Test
    void activatingTwiceAndDeactivatingKeepTheRecords() {
        assertThat(addon.activateAddon().status()).isEqualTo(AddonResult.Status.SUCCESS);
        AddonStorage storage = new AddonStorage(database, Clock.systemUTC());
        storage.records().record(12, Plan.FREE);

        assertThat(addon.deactivateAddon().status()).isEqualTo(AddonResult.Status.SUCCESS);
        assertThat(addon.activateAddon().status()).isEqualTo(AddonResult.Status.SUCCESS);
        assertThat(addon.upgrade("0.9.0").description()).contains("from version 0.9.0 to " + JetpackAddon.VERSION);

        assertThat(storage.records().all()).containsOnlyKeys(12L);
    }

    @Test
    void anUpgradeFromAVersionWithoutTheStateTableCreatesIt() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            // the schema as version 1 of the migrations left it
            st.execute("CREATE TABLE mod_jetpack_schema (version INT NOT NULL PRIMARY KEY)");
            st.execute("INSERT INTO mod_jetpack_schema (version) VALUES (1)");
            st.execute("CREATE TABLE mod_jetpack_products (product_id BIGINT NOT NULL PRIMARY KEY, plan VARCHAR(32) NOT NULL,"
                    + " created TIMESTAMP NOT NULL, updated TIMESTAMP NOT NULL)");
            st.execute("INSERT INTO mod_jetpack_products VALUES (5, 'premium', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }

        assertThat(addon.upgrade("1.0.0-beta").isError()).isFalse();

        AddonStorage storage = new AddonStorage(database, Clock.systemUTC());
        assertThat(storage.schema().currentVersion()).isEqualTo(2);
        assertThat(storage.records().all().get(5L).plan()).isEqualTo(Plan.PREMIUM);
        assertThat(storage.notice().isPending()).isFalse();
    }

    @Test
    void aDatabaseFailureIsAnErrorResultNotAnException() {
        JetpackAddon broken = new JetpackAddon(new InMemoryCatalog(), new TestDatabases.SimpleModuleDatabase(
                new DriverManagerDataSource("jdbc:h2:mem:x;IFEXISTS=TRUE", "", ""), ModuleDatabase.Dialect.H2),
                new RecordingActivityLog(), TestTemplates.addon());

        AddonResult result = broken.activateAddon();

        assertThat(result.isError()).isTrue();
        assertThat(result.description()).startsWith("JETPACK MODULE: the addon's tables could not be set up");
    }

    @Test
    void aPageOnMissingTablesExplainsInsteadOfFailing() {
        AddonFixture fixture = new AddonFixture(new InMemoryCatalog());
        JetpackAddon notActivated = new JetpackAddon(fixture.catalog, TestDatabases.h2(), new RecordingActivityLog(),
                TestTemplates.addon());

        String html = notActivated.adminOutput(fixture.request("GET")).html();

        assertThat(html).contains("JETPACK MODULE: the addon&#39;s table could not be read")
                .contains("deactivate and activate the addon again");
    }
}
