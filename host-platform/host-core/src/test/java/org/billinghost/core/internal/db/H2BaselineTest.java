package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.core.internal.db.MigrationRunnerTest.scriptFolder;
import static org.billinghost.core.internal.db.MigrationRunnerTest.scripts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

class H2BaselineTest {

    private static final String OWNER = MigrationScripts.CORE;

    @Test
    void theBuildsBaselineStandsForEveryCoreScript() {
        MigrationScripts core = MigrationScripts.core();
        Map<Integer, String> checksums = MigrationRunner.checksums(core,
                MigrationRunner.chooseVariants(core.list(), Dialect.H2));

        H2Baseline baseline = core.h2Baseline().orElseThrow();

        assertThat(baseline.version()).isEqualTo(checksums.keySet().stream().mapToInt(Integer::intValue).max()
                .orElseThrow());
        assertThat(baseline.covers(checksums)).isTrue();
    }

    @Test
    void aNewDatabaseMadeFromTheBaselineIsTheOneTheScriptsMake() {
        try (TestDatabase fromBaseline = TestDatabases.createEmpty(Dialect.H2);
             TestDatabase fromScripts = TestDatabases.createEmpty(Dialect.H2)) {
            List<Integer> applied = new MigrationRunner(fromBaseline.database()).migrate();
            assertThat(new MigrationRunner(fromScripts.database()).migrate(MigrationScripts.core().withoutBaseline()))
                    .isEqualTo(applied);

            assertThat(contents(fromBaseline)).isEqualTo(contents(fromScripts));
            assertThat(history(fromBaseline)).isEqualTo(history(fromScripts));
        }
    }

    @AllDatabases.Test
    void aNewH2SchemaIsMadeFromTheBaselineThenTheLaterScriptsAreApplied(TestDatabase kind) throws Exception {
        try (TestDatabase db = TestDatabases.createEmpty(kind.dialect())) {
            Path dir = scriptFolder(Map.of(
                    "V1__a.sql", "CREATE TABLE mod_b_a (id INT);\n",
                    "V2__b.sql", "ALTER TABLE mod_b_a ADD COLUMN b INT;\n",
                    "V3__c.sql", "CREATE TABLE mod_b_c (id INT);\n"));
            // stands for V1 and V2; the marker table tells that it was used
            writeBaseline(dir, 2, "CREATE TABLE mod_b_a (id INT, b INT);\nCREATE TABLE mod_b_marker (x INT);\n");

            assertThat(new MigrationRunner(db.database()).migrate(scripts(OWNER, dir))).containsExactly(1, 2, 3);

            assertThat(tableExists(db, "MOD_B_MARKER")).isEqualTo(kind.dialect() == Dialect.H2);
            assertThat(db.jdbc().queryLong("SELECT COUNT(*) FROM mod_b_c")).isZero();
            assertThat(db.jdbc().query("SELECT version, checksum FROM schema_version ORDER BY version",
                    rs -> rs.getInt(1) + " " + rs.getString(2)))
                    .containsExactly("1 " + checksum(dir, "V1__a.sql"), "2 " + checksum(dir, "V2__b.sql"),
                            "3 " + checksum(dir, "V3__c.sql"));
        }
    }

    @Test
    void aBaselineMadeFromOtherScriptsIsLeftAside() throws Exception {
        try (TestDatabase db = TestDatabases.createEmpty(Dialect.H2)) {
            Path dir = scriptFolder(Map.of(
                    "V1__a.sql", "CREATE TABLE mod_b_a (id INT);\n",
                    "V2__b.sql", "ALTER TABLE mod_b_a ADD COLUMN b INT;\n"));
            writeBaseline(dir, 2, "CREATE TABLE mod_b_a (id INT, b INT);\nCREATE TABLE mod_b_marker (x INT);\n");
            // edited after the baseline was made
            Files.writeString(dir.resolve("V2__b.sql"), "ALTER TABLE mod_b_a ADD COLUMN c INT;\n");

            assertThat(new MigrationRunner(db.database()).migrate(scripts(OWNER, dir))).containsExactly(1, 2);

            assertThat(tableExists(db, "MOD_B_MARKER")).isFalse();
            assertThat(db.jdbc().queryLong("SELECT COUNT(c) FROM mod_b_a")).isZero();
        }
    }

    @Test
    void aSchemaWithAHistoryGetsItsMissingScriptsNotTheBaseline() throws Exception {
        try (TestDatabase db = TestDatabases.createEmpty(Dialect.H2)) {
            Path dir = scriptFolder(Map.of("V1__a.sql", "CREATE TABLE mod_b_a (id INT);\n"));
            MigrationRunner runner = new MigrationRunner(db.database());
            assertThat(runner.migrate(scripts(OWNER, dir))).containsExactly(1);
            Files.writeString(dir.resolve("V2__b.sql"), "ALTER TABLE mod_b_a ADD COLUMN b INT;\n");
            writeBaseline(dir, 2, "CREATE TABLE mod_b_a (id INT, b INT);\nCREATE TABLE mod_b_marker (x INT);\n");

            assertThat(runner.migrate(scripts(OWNER, dir))).containsExactly(2);

            assertThat(tableExists(db, "MOD_B_MARKER")).isFalse();
        }
    }

    /** Writes {@code statements} as the baseline of the scripts of {@code dir} up to {@code version}. */
    private static void writeBaseline(Path dir, int version, String statements) throws Exception {
        MigrationScripts scripts = scripts(OWNER, dir);
        Map<Integer, String> checksums = MigrationRunner.checksums(scripts,
                MigrationRunner.chooseVariants(scripts.list(), Dialect.H2));
        Path file = Files.createDirectories(dir.resolve("baseline")).resolve("h2.sql");
        Files.writeString(file, "-- H2 baseline of the migration scripts up to V" + version + ", digest "
                + H2Baseline.digest(checksums, version) + "\n" + statements);
    }

    private static String checksum(Path dir, String file) throws Exception {
        return MigrationRunner.checksum(Files.readString(dir.resolve(file)));
    }

    private static boolean tableExists(TestDatabase db, String upperCaseName) {
        String schema = switch (db.dialect()) {
            case H2 -> "CURRENT_SCHEMA";
            case POSTGRESQL -> "current_schema()";
            case MARIADB -> "DATABASE()";
        };
        return db.jdbc().queryLong("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = " + schema
                + " AND UPPER(table_name) = ?", upperCaseName) == 1;
    }

    /** Every table, index, constraint, identity counter and row, but the history (its times differ). */
    private static List<String> contents(TestDatabase db) {
        return db.jdbc().query("SCRIPT NOPASSWORDS NOSETTINGS", rs -> rs.getString(1)).stream()
                .filter(sql -> !sql.startsWith("INSERT INTO \"PUBLIC\".\"SCHEMA_VERSION\"")).toList();
    }

    private static List<String> history(TestDatabase db) {
        return db.jdbc().query("SELECT version, name, checksum FROM schema_version ORDER BY version",
                rs -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
    }
}
