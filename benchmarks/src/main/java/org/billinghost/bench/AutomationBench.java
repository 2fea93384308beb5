package org.billinghost.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ExternalDatabase;
import org.billinghost.testsupport.HostProcess;

/**
 * The daily automation over many Active monthly services of which one in ten is due for its renewal invoice
 * (issue 13): the run's duration as the host records it, and the host's resident set sampled during the run.
 * PostgreSQL only; the services are seeded through JDBC, as {@link Seeder} does for the pages.
 */
final class AutomationBench {
    private static final String SECTION = "automation postgresql";
    private static final long SAMPLE_MILLIS = 250;
    private final Settings settings;
    private final Report report;

    AutomationBench(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run() throws Exception {
        try (ExternalDatabase pg = ExternalDatabase.open(ExternalDatabase.Kind.POSTGRESQL)) {
            if (pg == null) {
                report.note(SECTION + ": skipped, no PostgreSQL server");
                return;
            }
            HostProcess.Options options = HostProcess.options(settings.work().resolve("automation")).demo()
                    .database(pg.url(), pg.user(), "");
            long productId;
            try (HostProcess host = options.start()) {
                productId = ApiClient.demo(host).call("AddProduct", Map.of("gid", 1, "name", "Renewed hosting",
                        "type", "other", "paytype", "free")).path("pid").asLong();
            }
            int services = settings.automationServices();
            int due;
            long seedStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "")) {
                due = seed(c, services, productId);
            }
            report.note(SECTION + ": seeded " + services + " Active monthly services (" + due + " due) in "
                    + (System.nanoTime() - seedStart) / 1_000_000_000 + " s");
            try (HostProcess host = options.start()) {
                measure(host, pg, services, due);
            }
        }
    }

    private void measure(HostProcess host, ExternalDatabase pg, int services, int due) throws Exception {
        long before = host.residentKilobytes();
        AtomicLong peak = new AtomicLong(before);
        // the API call may outlast the client's timeout: the host's own record of the run is what counts
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> ApiClient.demo(host).call("RunAutomation", Map.of()));
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), "")) {
            while (!finished(c)) {
                peak.accumulateAndGet(host.residentKilobytes(), Math::max);
                Thread.sleep(SAMPLE_MILLIS);
            }
            call.exceptionally(e -> null).join();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ended - started, invoices,"
                    + " failures FROM automation_runs WHERE scheduled_day IS NULL ORDER BY id DESC LIMIT 1")) {
                rs.next();
                if (rs.getInt(2) != due || rs.getInt(3) != 0) {
                    throw new IllegalStateException("the run made " + rs.getInt(2) + " invoices for " + due
                            + " due services, with " + rs.getInt(3) + " failures");
                }
                String size = services + " Active services, " + due + " due";
                report.add(SECTION, "daily run", "s", List.of(rs.getLong(1) / 1000.0), 60.0, false, size);
                report.add(SECTION, "resident set during the daily run (peak)", "MB", List.of(peak.get() / 1024.0),
                        null, false, "sampled every " + SAMPLE_MILLIS + " ms; " + before / 1024 + " MB before the run");
            }
        }
    }

    private static boolean finished(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM automation_runs"
                + " WHERE scheduled_day IS NULL AND state = 'finished'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * One client, order and Active monthly service per service; every tenth is due (next invoice date within
     * the 7 days ahead, not yet overdue), the others a month away. Today's scheduled run is recorded as done
     * (the first start may have run it already, on the empty database) so that the host's scheduler leaves the
     * measured run alone. Answers the number due.
     */
    private static int seed(Connection c, int services, long productId) throws SQLException {
        LocalDate today = LocalDate.now();
        long now = System.currentTimeMillis();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO clients (first_name, last_name, email, email_key,"
                + " company_name, address1, city, state, postcode, country, phone_number, status, password_hash, created)"
                + " SELECT 'Renew' || g, 'Customer', 'renew-' || g || '@example.com', 'renew-' || g || '@example.com', '',"
                + " '1 Main Street', 'Springfield', 'State', '12345', 'US', '5550100', 'Active', 'seeded-no-login', ?"
                + " FROM generate_series(1, ?) g")) {
            ps.setTimestamp(1, new java.sql.Timestamp(now));
            ps.setInt(2, services);
            ps.executeUpdate();
        }
        try (PreparedStatement orders = c.prepareStatement("INSERT INTO orders (client_id, status, invoice_id, total,"
                + " payment_method, created, updated) SELECT id, 'Active', NULL, 0, 'seed', ?, ? FROM clients"
                + " WHERE email LIKE 'renew-%'");
             PreparedStatement rows = c.prepareStatement("INSERT INTO services (client_id, order_id, product_id, domain,"
                + " status, amount, created, updated, billing_cycle, first_payment_amount, registration_date,"
                + " next_due_date, next_invoice_date, billing_day) SELECT client_id, id, ?, 'renew-' || id || '.example',"
                + " 'Active', 9.95, ?, ?, 'monthly', 9.95, ?, CASE WHEN id % 10 = 0 THEN ? ELSE ? END,"
                + " CASE WHEN id % 10 = 0 THEN ? ELSE ? END, 1 FROM orders WHERE payment_method = 'seed'");
             PreparedStatement run = c.prepareStatement("INSERT INTO automation_runs (scheduled_day, state, started,"
                + " ended, step, cursor_id, invoices, suspensions, terminations, cancellations, failures)"
                + " SELECT ?, 'finished', ?, ?, 4, 0, 0, 0, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM automation_runs"
                + " WHERE scheduled_day = ?)")) {
            orders.setLong(1, now);
            orders.setLong(2, now);
            orders.executeUpdate();
            LocalDate soon = today.plusDays(3);
            LocalDate later = today.plusDays(30);
            Object[] params = {productId, now, now, today.minusMonths(1), soon, later, soon, later};
            for (int i = 0; i < params.length; i++) {
                rows.setObject(i + 1, params[i]);
            }
            rows.executeUpdate();
            run.setObject(1, today);
            run.setLong(2, now);
            run.setLong(3, now);
            run.setObject(4, today);
            run.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // the planner's statistics as a database that grew to this size would have them
            s.execute("ANALYZE");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM services WHERE next_invoice_date <= CURRENT_DATE + 7"
                    + " AND domain LIKE 'renew-%'")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
