package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

class MigrationRunnerTest {

    @AllDatabases.Test
    void appliesEveryScriptOnceAndIsIdempotentOnReRun(TestDatabase db) {
        Jdbc jdbc = db.jdbc();
        List<Integer> versions = jdbc.query("SELECT version FROM schema_version ORDER BY version", rs -> rs.getInt(1));
        assertThat(versions).contains(1, 2, 3, 4, 5).doesNotHaveDuplicates();
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM admin_roles WHERE role = ?", "Full Administrator")).isEqualTo(10);

        assertThat(new MigrationRunner(db.database()).migrate()).isEmpty();
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM schema_version")).isEqualTo(versions.size());
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM admin_roles")).isEqualTo(18);
    }

    @AllDatabases.Test
    void tablesAcceptUnicodeAndCompareCaseSensitivelyEverywhere(TestDatabase db) {
        Jdbc jdbc = db.jdbc();
        jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", "Mixed", "x");
        jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", "mixed", "Grüße 👋");
        assertThat(jdbc.queryOne("SELECT setting_value FROM settings WHERE name = ?", rs -> rs.getString(1), "mixed"))
                .contains("Grüße 👋");
    }

    @AllDatabases.Test
    void twoHostsMigratingAtOnceApplyEachScriptOnce(TestDatabase kind) throws Exception {
        try (TestDatabase empty = TestDatabases.createEmpty(kind.dialect())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<Integer>>> runs = List.of(
                        pool.submit(() -> new MigrationRunner(empty.database()).migrate()),
                        pool.submit(() -> new MigrationRunner(empty.database()).migrate()));
                List<Integer> applied = new ArrayList<>(runs.get(0).get());
                applied.addAll(runs.get(1).get());
                List<Integer> recorded = empty.jdbc().query("SELECT version FROM schema_version ORDER BY version",
                        rs -> rs.getInt(1));
                assertThat(applied).containsExactlyInAnyOrderElementsOf(recorded).contains(1, 5, 50);
            } finally {
                pool.shutdown();
            }
        }
    }

    @AllDatabases.Test
    void anExistingDatabaseGetsOnlyTheScriptsItLacks(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            // as if the database predated V005: its tables and record are gone
            db.jdbc().update("DROP TABLE module_log");
            db.jdbc().update("DROP TABLE activity_log");
            db.jdbc().update("DELETE FROM schema_version WHERE version = ?", 5);

            assertThat(new MigrationRunner(db.database()).migrate()).containsExactly(5);
            assertThat(db.jdbc().queryLong("SELECT COUNT(*) FROM activity_log")).isZero();
        }
    }

    @Test
    void h2IdentityCountersBehindTheirRowsAreMovedAboveThemAtStart() {
        try (TestDatabase db = TestDatabases.create(Dialect.H2)) {
            Jdbc jdbc = db.jdbc();
            for (int i = 0; i < 3; i++) {
                insertOrder(jdbc);
            }
            // as after a SIGKILL: the stored counter is behind the rows; another one is ahead of its rows
            jdbc.update("ALTER TABLE orders ALTER COLUMN id RESTART WITH 2");
            jdbc.update("ALTER TABLE clients ALTER COLUMN id RESTART WITH 50");

            assertThat(new MigrationRunner(db.database()).migrate()).isEmpty();

            assertThat(insertOrder(jdbc)).isEqualTo(4);
            assertThat(jdbc.queryLong("SELECT identity_base FROM information_schema.columns WHERE table_name = 'CLIENTS' "
                    + "AND column_name = 'ID'")).as("a counter ahead of its rows stays where it is").isEqualTo(50);
        }
    }

    private static long insertOrder(Jdbc jdbc) {
        return jdbc.insert("INSERT INTO orders (client_id, status, total, payment_method, created, updated) "
                + "VALUES (1, 'Pending', 1.00, 'banktransfer', 0, 0)");
    }

    @Test
    void placeholdersAreSubstitutedPerDialect() {
        String sql = "CREATE TABLE t (id ${ID}, body ${TEXT}, at ${TIMESTAMP}) ${TABLE_OPTIONS}";
        assertThat(MigrationRunner.substitute(sql, Dialect.MARIADB))
                .isEqualTo("CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, body MEDIUMTEXT, at DATETIME(3)) "
                        + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
        assertThat(MigrationRunner.substitute(sql, Dialect.POSTGRESQL))
                .isEqualTo("CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, body TEXT, "
                        + "at TIMESTAMP(3)) ");
    }

    @Test
    void scriptsSplitAtSemicolonsEndingALineAndSkipComments() {
        assertThat(MigrationRunner.statements("-- note; here\nCREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)");
    }
}
