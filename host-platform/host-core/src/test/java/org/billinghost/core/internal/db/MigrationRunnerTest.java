package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM admin_roles WHERE role = ?", "Full Administrator")).isEqualTo(13);

        assertThat(new MigrationRunner(db.database()).migrate()).isEmpty();
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM schema_version")).isEqualTo(versions.size());
        assertThat(jdbc.queryLong("SELECT COUNT(*) FROM admin_roles")).isEqualTo(23);
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

            List<String> announced = new ArrayList<>();
            int newest = db.jdbc().query("SELECT MAX(version) FROM schema_version", rs -> rs.getInt(1)).get(0);

            assertThat(new MigrationRunner(db.database(), announced::add).migrate()).containsExactly(5);
            assertThat(db.jdbc().queryLong("SELECT COUNT(*) FROM activity_log")).isZero();
            assertThat(announced).containsExactly("Upgrading the database schema of org.billinghost.host-core from V"
                    + newest + ": applying V005__logs.sql");
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
    void scriptsSplitAtSemicolonsAndSkipComments() {
        assertThat(MigrationRunner.statements("-- note; here\nCREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1);"
                + " /* one; */ INSERT INTO a VALUES (2)\n"))
                .containsExactly("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)", "INSERT INTO a VALUES (2)");
    }

    @Test
    void semicolonsInsideDollarBodiesStringsAndQuotedNamesDoNotSplit() {
        String function = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 'a;b';\n  RETURN NEW;\nEND;\n"
                + "$$ LANGUAGE plpgsql";
        String tagged = "DO $body$ BEGIN PERFORM 1; END $body$";
        String quoted = "INSERT INTO \"odd;name\" (v) VALUES ('it''s; fine')";
        assertThat(MigrationRunner.statements(function + ";\n" + tagged + ";\n" + quoted + ";\n"))
                .containsExactly(function, tagged, quoted);
    }

    @Test
    void aPostgresqlFunctionWithADollarBodyIsCreated() throws Exception {
        try (TestDatabase db = TestDatabases.create(Dialect.POSTGRESQL)) {
            Path dir = scriptFolder(Map.of("V1__function.sql", "CREATE FUNCTION mod_t_answer() RETURNS INT AS $$\n"
                    + "BEGIN\n  RETURN 42;\nEND;\n$$ LANGUAGE plpgsql;\n"));
            new MigrationRunner(db.database()).migrate(scripts("org.example.t", dir));
            assertThat(db.jdbc().queryLong("SELECT mod_t_answer()")).isEqualTo(42);
        }
    }

    @AllDatabases.Test
    void anEditedCoreScriptStopsTheStartWithOneSentence(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            String name = db.jdbc().queryOne("SELECT name FROM schema_version WHERE version = 1", rs -> rs.getString(1))
                    .orElseThrow();
            String current = db.jdbc().queryOne("SELECT checksum FROM schema_version WHERE version = 1",
                    rs -> rs.getString(1)).orElseThrow();
            db.jdbc().update("UPDATE schema_version SET checksum = 'abc' WHERE version = 1");

            assertThatThrownBy(() -> new MigrationRunner(db.database()).migrate())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("Migration V001__" + name + ".sql of org.billinghost.host-core was changed after it was"
                            + " applied (checksum abc, now " + current + "); restore it or add a new script");
        }
    }

    @AllDatabases.Test
    void anEditedModuleScriptStopsItsMigrationWithOneSentence(TestDatabase kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            Path dir = scriptFolder(Map.of("V1__orders.sql", "CREATE TABLE mod_t_orders (id ${ID}) ${TABLE_OPTIONS};\n"));
            MigrationRunner runner = new MigrationRunner(db.database());
            assertThat(runner.migrate(scripts("org.example.t", dir))).containsExactly(1);
            String applied = MigrationRunner.checksum(Files.readString(dir.resolve("V1__orders.sql")));
            Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE mod_t_orders (id ${ID}, x INT);\n");
            String edited = MigrationRunner.checksum(Files.readString(dir.resolve("V1__orders.sql")));

            assertThatThrownBy(() -> runner.migrate(scripts("org.example.t", dir)))
                    .hasMessage("Migration V1__orders.sql of org.example.t was changed after it was applied (checksum "
                            + applied + ", now " + edited + "); restore it or add a new script");
        }
    }

    @AllDatabases.Test
    void aDatabaseNewerThanTheBuildStopsTheStartWithOneSentence(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            long known = db.jdbc().queryLong("SELECT MAX(version) FROM schema_version");
            db.jdbc().update("INSERT INTO schema_version (version, name, applied_at, checksum) VALUES (9999, 'later', ?,"
                    + " 'x')", Jdbc.now());

            assertThatThrownBy(() -> new MigrationRunner(db.database()).migrate())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("The database has schema version V9999 of org.billinghost.host-core, newer than this"
                            + " build knows (V" + known + "): start the newer build or restore a backup");
        }
    }

    @AllDatabases.Test
    void aHistoryWithoutChecksumsGetsThemOnTheFirstStart(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            List<String> recorded = db.jdbc().query("SELECT checksum FROM schema_version ORDER BY version",
                    rs -> rs.getString(1));
            // a history written by the code before checksums
            db.jdbc().update("ALTER TABLE schema_version DROP COLUMN checksum");

            assertThat(new MigrationRunner(db.database()).migrate()).isEmpty();
            assertThat(db.jdbc().query("SELECT checksum FROM schema_version ORDER BY version", rs -> rs.getString(1)))
                    .isEqualTo(recorded).doesNotContainNull();
        }
    }

    @AllDatabases.Test
    void aModuleBundlesScriptsAreAppliedOnceAndRecordedUnderItsName(TestDatabase kind) throws Exception {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            Path dir = scriptFolder(Map.of(
                    "V1__orders.sql", "CREATE TABLE mod_t_orders (id ${ID}, note VARCHAR(20)) ${TABLE_OPTIONS};\n",
                    "V2__seed.sql", "INSERT INTO mod_t_orders (note) VALUES ('a;b');\n"));
            MigrationRunner runner = new MigrationRunner(db.database());

            assertThat(runner.migrate(scripts("org.example.t", dir))).containsExactly(1, 2);
            assertThat(runner.migrate(scripts("org.example.t", dir))).isEmpty();
            assertThat(db.jdbc().query("SELECT note FROM mod_t_orders", rs -> rs.getString(1))).containsExactly("a;b");
            assertThat(db.jdbc().query("SELECT bundle, version FROM module_schema_version ORDER BY version",
                    rs -> rs.getString(1) + " V" + rs.getInt(2))).containsExactly("org.example.t V1", "org.example.t V2");
        }
    }

    /** A folder {@code db/migration} holding {@code files}, answered as the class-path root above it. */
    static Path scriptFolder(Map<String, String> files) throws IOException {
        Path root = Files.createTempDirectory("migrations");
        Path dir = Files.createDirectories(root.resolve("db/migration"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    /** The scripts of {@code dir} alone: the loader has no parent, so the core's own scripts stay out of sight. */
    static MigrationScripts scripts(String owner, Path dir) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.getParent().getParent().toUri().toURL()}, null);
        return MigrationScripts.onClassPath(owner, loader, "db/migration");
    }
}
