package org.billinghost.core.internal.db;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child process of {@link IdentityAfterCrashTest}: opens the H2 file database as the host does and
 * writes orders the way AddOrder does (an order, its invoice, a service and an invoice line in one
 * transaction) from several threads until it is killed, printing the number of commits as it goes and a
 * line {@code failed: <message>} for every order the database refused.
 */
public final class CrashingOrderWriter {

    static final int THREADS = 16;
    static final int REPORT_EVERY = 25;

    private CrashingOrderWriter() {
    }

    public static void main(String[] args) {
        Database database = Database.open(new DatabaseSettings(DatabaseSettings.h2File(Path.of(args[0])), "", ""));
        new MigrationRunner(database).migrate();
        AtomicLong commits = new AtomicLong();
        for (int i = 0; i < THREADS; i++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    try {
                        writeOrder(database.jdbc());
                    } catch (DataAccessException e) {
                        System.out.println("failed: " + e.getMessage().lines().findFirst().orElse(""));
                        continue;
                    }
                    long n = commits.incrementAndGet();
                    if (n % REPORT_EVERY == 0) {
                        System.out.println("commits " + n);
                    }
                }
            });
            writer.start();
        }
    }

    /** One order as AddOrder stores it: every table whose identity the crash set back. */
    static void writeOrder(Jdbc jdbc) {
        jdbc.inTransaction(() -> {
            long now = System.currentTimeMillis();
            BigDecimal total = new BigDecimal("10.00");
            long order = jdbc.insert("INSERT INTO orders (client_id, status, total, payment_method, created, updated) "
                    + "VALUES (1, 'Pending', ?, 'banktransfer', ?, ?)", total, now, now);
            long invoice = jdbc.insert("INSERT INTO invoices (client_id, order_id, status, total, paid, created) "
                    + "VALUES (1, ?, 'Unpaid', ?, 0, ?)", order, total, now);
            long service = jdbc.insert("INSERT INTO services (client_id, order_id, product_id, domain, status, amount, "
                    + "created, updated) VALUES (1, ?, 1, 'example.com', 'Pending', ?, ?, ?)", order, total, now, now);
            jdbc.insert("INSERT INTO invoice_items (invoice_id, service_id, description, amount) VALUES (?, ?, 'x', ?)",
                    invoice, service, total);
            return null;
        });
    }
}
