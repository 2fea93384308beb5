package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void declaresTheCredentialFieldsWithTheSecretsAsPasswords() {
        assertThat(addon.metadata().fields()).extracting(ConfigField::key, ConfigField::label, ConfigField::type)
                .containsExactly(
                        tuple("partner_client_id", "Partner Client Id", FieldType.TEXT),
                        tuple("partner_client_secret", "Partner Client Secret", FieldType.PASSWORD),
                        tuple("licensing_token", "Licensing API token", FieldType.PASSWORD));
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
    void aPageOnMissingTablesExplainsInsteadOfFailing() {
        AddonFixture fixture = new AddonFixture(new InMemoryCatalog());
        JetpackAddon notActivated = new JetpackAddon(fixture.catalog, TestDatabases.withoutAddonTables(),
                new RecordingActivityLog(), TestTemplates.addon());

        String html = notActivated.adminOutput(fixture.request("GET")).html();

        assertThat(html).contains("JETPACK MODULE: the addon&#39;s tables could not be used; nothing was changed."
                + " The host&#39;s log names the statement.");
    }
}
