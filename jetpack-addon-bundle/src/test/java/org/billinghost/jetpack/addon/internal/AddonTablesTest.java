package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.jetpack.partner.Plan;

/** The addon's tables on H2, PostgreSQL and MariaDB, made by the host from the scripts in the addon's bundle. */
class AddonTablesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2026-11-29T08:30:00Z");

    @AllDatabases.Test
    void theHostCreatesTheTablesOnceAndRecordsThemUnderTheBundle(TestDatabase kind) {
        try (TestDatabase db = org.billinghost.core.testkit.TestDatabases.create(kind.dialect())) {
            assertThat(TestDatabases.addonTables(db.database())).containsExactly(1, 2, 3, 4);
            AddonStorage storage = new AddonStorage(db.database(), Clock.fixed(T0, ZoneOffset.UTC));
            storage.records().record(41, Plan.PERSONAL);
            storage.notice().markChanged(List.of(AddonSettings.CLIENT_SECRET));

            assertThat(TestDatabases.addonTables(db.database())).isEmpty();
            assertThat(storage.records().all().get(41L)).isEqualTo(new ProductRecord(41, Plan.PERSONAL, T0, T0));
            assertThat(storage.notice().isPending()).isTrue();
            assertThat(db.jdbc().query("SELECT bundle, version FROM module_schema_version ORDER BY version",
                    rs -> rs.getString(1) + " V" + rs.getInt(2)))
                    .containsExactly(TestDatabases.BUNDLE + " V1", TestDatabases.BUNDLE + " V2", TestDatabases.BUNDLE + " V3", TestDatabases.BUNDLE + " V4");
        }
    }

    @AllDatabases.Test
    void aDatabaseSetUpByTheAddonsOwnRunnerKeepsItsRecords(TestDatabase kind) {
        try (TestDatabase db = org.billinghost.core.testkit.TestDatabases.create(kind.dialect())) {
            // what the addon's own runner (before the host ran its scripts) left: its tables and version table
            String ts = kind.dialect() == Dialect.MARIADB ? "DATETIME(3)" : "TIMESTAMP";
            db.jdbc().update("CREATE TABLE mod_jetpack_schema (version INT NOT NULL PRIMARY KEY)");
            db.jdbc().update("INSERT INTO mod_jetpack_schema (version) VALUES (1)");
            db.jdbc().update("INSERT INTO mod_jetpack_schema (version) VALUES (2)");
            db.jdbc().update("CREATE TABLE mod_jetpack_products (product_id BIGINT NOT NULL PRIMARY KEY,"
                    + " plan VARCHAR(32) NOT NULL, created " + ts + " NOT NULL, updated " + ts + " NOT NULL)");
            db.jdbc().update("CREATE TABLE mod_jetpack_state (name VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " state_value VARCHAR(1000) NOT NULL, updated " + ts + " NOT NULL)");
            new AddonStorage(db.database(), Clock.fixed(T0, ZoneOffset.UTC)).records().record(5, Plan.PREMIUM);

            assertThat(TestDatabases.addonTables(db.database())).containsExactly(1, 2, 3, 4);

            ProductRecords later = new AddonStorage(db.database(), Clock.fixed(T1, ZoneOffset.UTC)).records();
            later.record(8, Plan.PROFESSIONAL);
            assertThat(later.all().values()).containsExactly(
                    new ProductRecord(5, Plan.PREMIUM, T0, T0),
                    new ProductRecord(8, Plan.PROFESSIONAL, T1, T1));
        }
    }

    @AllDatabases.Test
    void recordingAProductAgainUpdatesItsPlanAndKeepsItsCreationTime(TestDatabase kind) {
        try (TestDatabase db = org.billinghost.core.testkit.TestDatabases.create(kind.dialect())) {
            TestDatabases.addonTables(db.database());
            new AddonStorage(db.database(), Clock.fixed(T0, ZoneOffset.UTC)).records().record(7, Plan.FREE);

            ProductRecords later = new AddonStorage(db.database(), Clock.fixed(T1, ZoneOffset.UTC)).records();
            later.record(7, Plan.PREMIUM);
            later.record(8, Plan.PROFESSIONAL);

            assertThat(later.all().values()).containsExactly(
                    new ProductRecord(7, Plan.PREMIUM, T0, T1),
                    new ProductRecord(8, Plan.PROFESSIONAL, T1, T1));
        }
    }

    @AllDatabases.Test
    void theCredentialsNoticeIsPendingUntilCleared(TestDatabase kind) {
        try (TestDatabase db = org.billinghost.core.testkit.TestDatabases.create(kind.dialect())) {
            TestDatabases.addonTables(db.database());
            CredentialsNotice notice = new AddonStorage(db.database(), Clock.systemUTC()).notice();
            assertThat(notice.isPending()).isFalse();

            notice.markChanged(List.of(AddonSettings.CLIENT_ID));
            notice.markChanged(List.of(AddonSettings.CLIENT_ID, AddonSettings.CLIENT_SECRET));
            assertThat(notice.isPending()).isTrue();

            notice.clear();
            assertThat(notice.isPending()).isFalse();
        }
    }
}
