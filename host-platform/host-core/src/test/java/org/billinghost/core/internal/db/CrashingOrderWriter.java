package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child process of the crash tests ({@link IdentityAfterCrashTest}, {@link TransactionAfterCrashTest}):
 * opens the H2 file database as the host does and writes orders the way AddOrder does (an order, its invoice,
 * a service with a custom field value and an invoice line in one transaction) from several threads until it
 * is killed, printing the number of commits as it goes and a line {@code failed: <message>} for every order
 * the database refused. Arguments: the database's base path and the number of empty padding tables to create.
 */
public final class CrashingOrderWriter {

    static final int THREADS = 32;
    static final int REPORT_EVERY = 25;

    private CrashingOrderWriter() {
    }

    public static void main(String[] args) {
        Database database = Database.open(new DatabaseSettings(DatabaseSettings.h2File(Path.of(args[0])), "", ""));
        new MigrationRunner(database).migrate();
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            database.jdbc().update("CREATE TABLE IF NOT EXISTS padding_" + i + " (id INT)");
        }
        long field = customField(database.jdbc());
        AtomicLong commits = new AtomicLong();
        for (int i = 0; i < THREADS; i++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    try {
                        writeOrder(database.jdbc(), field);
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

    /**
     * Starts the writer on the database {@code base} and kills it (destroyForcibly: SIGKILL on Linux) once it
     * has committed {@code commitsBeforeKill} orders, adding the orders it reported refused to {@code failures}.
     */
    static void runUntilKilled(Path base, int paddingTables, long commitsBeforeKill, List<String> failures)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingOrderWriter.class.getName(), base.toString(), Integer.toString(paddingTables))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("failed: ")) {
                    failures.add(line);
                } else if (line.startsWith("commits ") && Long.parseLong(line.substring(8)) >= commitsBeforeKill) {
                    break;
                }
            }
            assertThat(line).as("the writer stopped before it was killed").isNotNull();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    /** The custom field every order fills in, created with its product on the first run. */
    static long customField(Jdbc jdbc) {
        return jdbc.inTransaction(() -> jdbc.queryOne("SELECT MIN(id) FROM custom_fields", rs -> rs.getObject(1,
                Long.class)).orElseGet(() -> {
                    long group = jdbc.insert("INSERT INTO product_groups (name, created) VALUES ('g', ?)", Instant.now());
                    long product = jdbc.insert("INSERT INTO products (group_id, name, description, product_type, "
                            + "pay_type, price, module, auto_setup, created) VALUES (?, 'p', '', 'other', "
                            + "'onetime', 10, '', 'off', ?)", group, Instant.now());
                    return jdbc.insert("INSERT INTO custom_fields (product_id, name, field_type, description, "
                            + "validation_regex, field_options) VALUES (?, 'f', 'text', '', '', '')", product);
                }));
    }

    /** One order as AddOrder stores it: the tables it writes, in its order. */
    static void writeOrder(Jdbc jdbc, long field) {
        jdbc.inTransaction(() -> {
            long now = System.currentTimeMillis();
            BigDecimal total = new BigDecimal("10.00");
            long order = jdbc.insert("INSERT INTO orders (client_id, status, total, payment_method, created, updated) "
                    + "VALUES (1, 'Pending', ?, 'banktransfer', ?, ?)", total, now, now);
            long invoice = jdbc.insert("INSERT INTO invoices (client_id, order_id, status, total, paid, created) "
                    + "VALUES (1, ?, 'Unpaid', ?, 0, ?)", order, total, now);
            jdbc.update("UPDATE orders SET invoice_id = ? WHERE id = ?", invoice, order);
            long service = jdbc.insert("INSERT INTO services (client_id, order_id, product_id, domain, status, amount, "
                    + "created, updated) VALUES (1, ?, 1, 'example.com', 'Pending', ?, ?, ?)", order, total, now, now);
            jdbc.update("INSERT INTO custom_field_values (field_id, service_id, field_value) VALUES (?, ?, 'v')", field,
                    service);
            jdbc.insert("INSERT INTO invoice_items (invoice_id, service_id, description, amount) VALUES (?, ?, 'x', ?)",
                    invoice, service, total);
            return null;
        });
    }
}
