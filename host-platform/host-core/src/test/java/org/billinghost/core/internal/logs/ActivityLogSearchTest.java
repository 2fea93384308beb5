package org.billinghost.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The activity log search answers the same lines on H2, PostgreSQL (through its trigram index, migration V250)
 * and MariaDB for a fixed set of terms: case-insensitive substrings, inside words, with LIKE's wildcards taken
 * literally.
 */
class ActivityLogSearchTest {

    private static final List<String> LINES = List.of("Invoice #1001 created", "Paid invoice 1001",
            "Service suspended: overdue_invoice", "Client login from 10.0.0.1", "100% discount applied");

    @AllDatabases.Test
    void theSameTermsFindTheSameLinesOnEveryDatabase(CoreAssembly core) {
        long clientId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
        LINES.forEach(line -> core.activityLog().log(line, clientId));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("invoice", List.of("Service suspended: overdue_invoice", "Paid invoice 1001", "Invoice #1001 created"));
        expected.put("VOICE 1001", List.of("Paid invoice 1001"));
        expected.put("_inv", List.of("Service suspended: overdue_invoice"));
        expected.put("100%", List.of("100% discount applied"));
        expected.put("10.0.0", List.of("Client login from 10.0.0.1"));
        expected.put("#1", List.of("Invoice #1001 created"));
        expected.put("in", List.of("Client login from 10.0.0.1", "Service suspended: overdue_invoice",
                "Paid invoice 1001", "Invoice #1001 created"));
        expected.put("zz", List.of());

        expected.forEach((term, lines) -> assertThat(core.activityLog().search(term, clientId, 0, 20).items())
                .as(term).extracting(ActivityEntry::message).containsExactlyElementsOf(lines));
    }

    @Test
    void postgresqlHasATrigramIndexOnTheMessage() {
        TestDatabases.assumeAvailable(Dialect.POSTGRESQL);
        try (TestDatabase db = TestDatabases.create(Dialect.POSTGRESQL)) {
            assertThat(db.database().jdbc().queryOne("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    + "AND indexname = 'ix_activity_log_message_trgm'", rs -> rs.getString(1)))
                    .hasValueSatisfying(def -> assertThat(def).contains("gin_trgm_ops"));
        }
    }
}
