package org.billinghost.jetpack.addon.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.billinghost.api.platform.ModuleDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;

/** ModuleDatabase instances for tests: a fresh in-memory H2, or a fresh schema on the local PostgreSQL / MariaDB. */
final class TestDatabases {
    private TestDatabases() {
    }

    record SimpleModuleDatabase(DataSource dataSource, Dialect dialect) implements ModuleDatabase {
    }

    static ModuleDatabase h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:jetpack_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        return new SimpleModuleDatabase(ds, ModuleDatabase.Dialect.H2);
    }

    /** A schema of its own on the local PostgreSQL, so parallel runs do not collide; skips loudly when absent. */
    static ModuleDatabase postgresql() {
        String schema = uniqueName();
        String base = "jdbc:postgresql://127.0.0.1:5432/test";
        execute(base, "postgres", "", "CREATE SCHEMA " + schema, "PostgreSQL");
        return new SimpleModuleDatabase(driverManager(base + "?currentSchema=" + schema, "postgres", ""),
                ModuleDatabase.Dialect.POSTGRESQL);
    }

    /** A database of its own on the local MariaDB; skips loudly when absent. */
    static ModuleDatabase mariadb() {
        String database = uniqueName();
        execute("jdbc:mariadb://127.0.0.1:3306/test", "root", "", "CREATE DATABASE " + database, "MariaDB");
        return new SimpleModuleDatabase(driverManager("jdbc:mariadb://127.0.0.1:3306/" + database, "root", ""),
                ModuleDatabase.Dialect.MARIADB);
    }

    private static String uniqueName() {
        return "jetpack_addon_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void execute(String url, String user, String password, String sql, String server) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            System.err.println("\n*** SKIPPED: no " + server + " at " + url + " (" + e.getMessage() + ") ***\n");
            Assumptions.abort(server + " is not available: " + e.getMessage());
        }
    }

    private static DataSource driverManager(String url, String user, String password) {
        return new DriverManagerDataSource(url, user, password);
    }
}
