package org.billinghost.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database on the machine's PostgreSQL or MariaDB server for one scenario, dropped
 * afterwards. {@link #open} answers null (and says so loudly) when the server is absent.
 */
public final class ExternalDatabase implements AutoCloseable {
    public enum Kind { POSTGRESQL, MARIADB }

    private final Kind kind;
    private final String name;

    private ExternalDatabase(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public static ExternalDatabase open(Kind kind) {
        String name = "reliability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin(kind); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return new ExternalDatabase(kind, name);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                // CI machines run both servers: their absence is a broken machine, not a reason to test less
                throw new IllegalStateException("CI=true but no " + kind + " server is reachable: " + e.getMessage(), e);
            }
            System.err.println("\n**********\n* SKIPPED: no " + kind + " server reachable (" + e.getMessage()
                    + "); what needs it did not run.\n**********\n");
            return null;
        }
    }

    private static Connection admin(Kind kind) throws SQLException {
        return kind == Kind.POSTGRESQL
                ? DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")
                : DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
    }

    public String url() {
        return kind == Kind.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/" + name
                : "jdbc:mariadb://127.0.0.1:3306/" + name;
    }

    public String user() {
        return kind == Kind.POSTGRESQL ? "postgres" : "root";
    }

    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = admin(kind); Statement s = c.createStatement()) {
            if (kind == Kind.POSTGRESQL) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }
}
