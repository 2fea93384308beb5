package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction must come back from a SIGKILL whole or not at all: a child JVM writes orders shaped like
 * AddOrder's from many threads and is killed; after every kill the database, reopened as the host opens it,
 * holds exactly one invoice, service, custom field value and invoice line per order, all linked. H2 writes
 * its file from one table after another while other transactions go on; the padding tables lengthen that
 * walk so that a transaction committing in the middle of it (kept in part, before {@link Jdbc} gave H2's
 * writes one turn each) shows within the kills of one run.
 */
class TransactionAfterCrashTest {

    private static final int KILLS = 25;
    private static final int PADDING_TABLES = 800;
    private static final int COMMITS_BEFORE_KILL = 50;
    private static final List<String> TABLES = List.of("orders", "invoices", "services", "custom_field_values",
            "invoice_items");

    @Test
    void everyOrderIsWholeAfterEachKill(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("billing");
        List<String> failures = new ArrayList<>();
        for (int i = 1; i <= KILLS; i++) {
            CrashingOrderWriter.runUntilKilled(base, PADDING_TABLES, COMMITS_BEFORE_KILL, failures);
            try (Database database = Database.open(new DatabaseSettings(DatabaseSettings.h2File(base), "", ""))) {
                new MigrationRunner(database).migrate(); // as the host starts
                long whole = database.jdbc().queryLong("SELECT COUNT(*) FROM orders o"
                        + " JOIN invoices i ON i.id = o.invoice_id AND i.order_id = o.id"
                        + " JOIN services s ON s.order_id = o.id"
                        + " JOIN custom_field_values v ON v.service_id = s.id"
                        + " JOIN invoice_items t ON t.service_id = s.id AND t.invoice_id = i.id");
                Map<String, Long> expected = new LinkedHashMap<>();
                TABLES.forEach(table -> expected.put(table, whole));
                assertThat(rowCounts(database.jdbc())).as("rows after kill %d", i).isEqualTo(expected);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Map<String, Long> rowCounts(Jdbc jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryLong("SELECT COUNT(*) FROM " + table)));
        return counts;
    }
}
