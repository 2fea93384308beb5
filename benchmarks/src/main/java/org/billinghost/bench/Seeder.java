package org.billinghost.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * Fills a stopped host's embedded H2 database, or a PostgreSQL database, with many clients, one order and Active
 * service each, and activity-log rows, straight through JDBC (the API's slow password hashing makes
 * 100,000 AddClient calls a matter of hours). Knows the host's table layout: keep it in step
 * with host-core's migrations.
 */
final class Seeder {
    private static final int BATCH = 5_000;

    private Seeder() {
    }

    /** The JDBC address of the embedded H2 database of a host's data directory. */
    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("db/billing").toAbsolutePath() + ";AUTO_SERVER=FALSE";
    }

    static void seed(String url, String user, int clients, int activityRows, long productId) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO clients (first_name, last_name, email, email_key,"
                    + " company_name, address1, city, state, postcode, country, phone_number, status, password_hash, created)"
                    + " VALUES (?, ?, ?, ?, ?, '1 Main Street', 'Springfield', 'State', '12345', 'US', '5550100', 'Active',"
                    + " 'seeded-no-login', ?)")) {
                for (int i = 0; i < clients; i++) {
                    String email = "seed-" + i + "@example.com";
                    ps.setString(1, "Seed" + i);
                    ps.setString(2, "Customer" + (i % 997));
                    ps.setString(3, email);
                    ps.setString(4, email);
                    ps.setString(5, "Company " + (i % 1013));
                    ps.setTimestamp(6, now);
                    ps.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            long millis = now.getTime();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders (client_id, status, invoice_id, total, payment_method, created, updated)"
                        + " SELECT id, 'Active', NULL, 0, 'seed', " + millis + ", " + millis
                        + " FROM clients WHERE email LIKE 'seed-%'");
                s.executeUpdate("INSERT INTO services (client_id, order_id, product_id, domain, status, amount, created,"
                        + " updated) SELECT client_id, id, " + productId + ", CONCAT('seed-', id, '.example.com'), 'Active',"
                        + " 0, " + millis + ", " + millis + " FROM orders WHERE payment_method = 'seed'");
            }
            activity(c, activityRows, clients, millis, 1000);
            c.commit();
            if (url.startsWith("jdbc:postgresql:")) {
                // statistics as autovacuum would soon gather them on a database that grew to this size
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
        }
    }

    /**
     * Activity-log rows on any of the host's databases ({@code created} in the column type each dialect's migration
     * gives it), the newest at {@code newestMillis}, one every {@code stepMillis} before it. The caller commits.
     */
    static void activity(Connection c, int rows, int clients, long newestMillis, long stepMillis) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO activity_log (created, message, client_id, username) VALUES (?, ?, ?, 'System')")) {
            for (int i = 0; i < rows; i++) {
                ps.setTimestamp(1, new Timestamp(newestMillis - (rows - 1 - i) * stepMillis));
                ps.setString(2, "Seeded event " + i + " - Service ID: " + (i % clients + 1) + " - client area login");
                ps.setLong(3, i % clients + 1);
                ps.addBatch();
                if (i % BATCH == BATCH - 1) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
