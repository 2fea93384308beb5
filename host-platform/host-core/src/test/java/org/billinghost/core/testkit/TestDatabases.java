package org.billinghost.core.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.DatabaseSettings;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.MigrationRunner;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh, migrated databases for tests: an in-memory H2 database, a new schema in the PostgreSQL
 * database {@code test} at 127.0.0.1:5432 (user postgres) or a new MariaDB database at 127.0.0.1:3306
 * (user root), each with a unique name so that parallel runs do not collide. When a server is absent
 * the test is skipped with a banner on System.err.
 */
public final class TestDatabases {

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    private static final Map<Dialect, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private TestDatabases() {
    }

    /** A fresh migrated database of the given kind; aborts the test (JUnit assumption) when its server is absent. */
    public static TestDatabase create(Dialect dialect) {
        TestDatabase db = createEmpty(dialect);
        try {
            new MigrationRunner(db.database()).migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** A fresh database without any table. */
    public static TestDatabase createEmpty(Dialect dialect) {
        assumeAvailable(dialect);
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (dialect) {
            case H2 -> open(dialect, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "", () -> { });
            case POSTGRESQL -> {
                admin(PG_URL, "postgres", "CREATE SCHEMA " + name);
                yield open(dialect, PG_URL + "?currentSchema=" + name, "postgres",
                        () -> admin(PG_URL, "postgres", "DROP SCHEMA " + name + " CASCADE"));
            }
            case MARIADB -> {
                admin(MARIADB_URL + "test", "root", "CREATE DATABASE " + name);
                yield open(dialect, MARIADB_URL + name, "root",
                        () -> admin(MARIADB_URL + "test", "root", "DROP DATABASE " + name));
            }
        };
    }

    /** A migrated H2 file database {@code <dir>/billing}, as the host opens it; closing it keeps the files. */
    public static TestDatabase h2File(Path dir) {
        TestDatabase db = open(Dialect.H2, DatabaseSettings.h2File(dir.resolve("billing")), "", () -> { });
        new MigrationRunner(db.database()).migrate();
        return db;
    }

    /**
     * Closes an H2 database underneath its pool, as H2 does itself when a write fails (a full disk), while a
     * transaction holds a connection, and answers what the transaction's next statement threw.
     */
    public static RuntimeException closeUnderneath(Database database) {
        Jdbc jdbc = database.jdbc();
        try {
            jdbc.inTransaction(() -> {
                jdbc.queryLong("SELECT 1");
                admin(database, "SHUTDOWN IMMEDIATELY");
                return jdbc.queryLong("SELECT 1");
            });
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("a statement on the closed database succeeded");
    }

    private static void admin(Database database, String sql) {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "': " + e.getMessage(), e);
        }
    }

    public static void assumeAvailable(Dialect dialect) {
        boolean up = AVAILABLE.computeIfAbsent(dialect, TestDatabases::probe);
        if (!up && "true".equals(System.getenv("CI"))) {
            // CI machines run both servers: their absence is a broken machine, not a reason to test less
            throw new IllegalStateException("CI=true but the " + dialect + " server is not reachable");
        }
        Assumptions.assumeTrue(up, () -> dialect + " server is not reachable: persistence tests on it are SKIPPED");
    }

    private static boolean probe(Dialect dialect) {
        if (dialect == Dialect.H2) {
            return true;
        }
        String url = dialect == Dialect.POSTGRESQL ? PG_URL + "?connectTimeout=3" : MARIADB_URL + "test?connectTimeout=3000";
        String user = dialect == Dialect.POSTGRESQL ? "postgres" : "root";
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            return c.isValid(3);
        } catch (SQLException e) {
            String line = "*".repeat(100);
            System.err.printf(Locale.ROOT, "%n%s%n*** %s NOT AVAILABLE at %s (%s)%n*** every persistence test on %s is SKIPPED%n%s%n%n",
                    line, dialect, url, e.getMessage(), dialect, line);
            return false;
        }
    }

    private static TestDatabase open(Dialect dialect, String url, String user, Runnable drop) {
        try {
            return new TestDatabase(dialect, Database.open(new DatabaseSettings(url, user, "")), drop, url, user);
        } catch (RuntimeException e) {
            drop.run();
            throw e;
        }
    }

    private static void admin(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }
}
