package org.billinghost.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * and MariaDB (narrowed by its FULLTEXT index, V251) for a fixed set of terms: case-insensitive substrings, inside
 * words, with LIKE's wildcards, quotes and markup taken literally, and terms whose words InnoDB does not index
 * (too short, stopwords, prefixes of stopwords).
 */
class ActivityLogSearchTest {

    private static final List<String> LINES = List.of("Invoice #1001 created", "Paid invoice 1001",
            "Service suspended: overdue_invoice", "Client login from 10.0.0.1", "100% discount applied",
            "Seeded event 12345 - Service ID: 7 - client area login", "Seeded event 123 - Service ID: 8",
            "Seeded event 1234567 - Service ID: 9", "This is where it was", "Quote 'it' <b>bold</b> & 50%_off",
            "Überweisung für Rechnung 42");

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
        expected.put("in", List.of("Seeded event 12345 - Service ID: 7 - client area login", "Client login from 10.0.0.1", "Service suspended: overdue_invoice",
                "Paid invoice 1001", "Invoice #1001 created"));
        expected.put("zz", List.of());
        expected.put("seeded event 123", List.of("Seeded event 1234567 - Service ID: 9",
                "Seeded event 123 - Service ID: 8", "Seeded event 12345 - Service ID: 7 - client area login"));
        expected.put("event 123 -", List.of("Seeded event 123 - Service ID: 8"));
        expected.put("client area log", List.of("Seeded event 12345 - Service ID: 7 - client area login"));
        expected.put("is where", List.of("This is where it was"));
        expected.put("s wher", List.of("This is where it was"));
        expected.put("'it' <b", List.of("Quote 'it' <b>bold</b> & 50%_off"));
        expected.put("</b> & 50%_o", List.of("Quote 'it' <b>bold</b> & 50%_off"));
        expected.put("FÜR RECH", List.of("Überweisung für Rechnung 42"));
        expected.put("für Rechnung", List.of("Überweisung für Rechnung 42"));
        expected.put("g für rechnung 4", List.of("Überweisung für Rechnung 42"));

        expected.forEach((term, lines) -> assertThat(core.activityLog().search(term, clientId, 0, 20).items())
                .as(term).extracting(ActivityEntry::message).containsExactlyElementsOf(lines));
    }

    @AllDatabases.Test
    void saysWhichSearchesAnIndexAnswers(CoreAssembly core) {
        Map<String, Boolean> expected = switch (core.jdbc().dialect()) {
            case H2 -> Map.of("seeded event 123", false, "invoice", false);
            // three letters or digits in a row give pg_trgm a trigram
            case POSTGRESQL -> Map.of("seeded event 123", true, "invoice", true, "#1", false, "10.0.0", false);
            // a whole word or the start of one that InnoDB indexes; a first word may end a longer one
            case MARIADB -> Map.of("seeded event 123", true, "d event 12", true, "invoice", false, "is where", false);
        };
        expected.forEach((term, indexed) -> assertThat(core.activityLog().indexedSearch(term)).as(term)
                .isEqualTo(indexed));
    }

    @Test
    void mariadbHasAFullTextIndexOnTheMessage() {
        TestDatabases.assumeAvailable(Dialect.MARIADB);
        try (TestDatabase db = TestDatabases.create(Dialect.MARIADB)) {
            assertThat(db.database().jdbc().query("SELECT index_type FROM information_schema.statistics"
                    + " WHERE table_schema = DATABASE() AND index_name = 'ix_activity_log_message_words'",
                    rs -> rs.getString(1))).containsExactly("FULLTEXT");
            // the stopwords FullTextWords leaves out are the server's own list
            assertThat(Set.copyOf(db.database().jdbc().query("SELECT value FROM information_schema.INNODB_FT_DEFAULT_STOPWORD",
                    rs -> rs.getString(1)))).isEqualTo(FullTextWords.DEFAULT_STOPWORDS);
        }
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
