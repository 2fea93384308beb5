package org.billinghost.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which word of a term MariaDB's FULLTEXT index narrows a "contains" search with (InnoDB's default settings). */
class FullTextWordsTest {

    private static final FullTextWords DEFAULTS = new FullTextWords(3, 84, FullTextWords.DEFAULT_STOPWORDS, true);

    @Test
    void usesAWordEveryMatchingLineHoldsTheRarestByItsLooks() {
        Map<String, Optional<String>> expected = new LinkedHashMap<>();
        // "event" is a whole word of every match too, but a number is more likely to be rare
        expected.put("Seeded event 123", Optional.of("+123*"));
        expected.put("event 123 - Service", Optional.of("+123"));
        expected.put("x client area login", Optional.of("+client"));
        expected.put("x area login", Optional.of("+login*"));
        expected.put("x area logs", Optional.of("+area"));
        // the first run may end a longer word; "id" is too short
        expected.put("invoice", Optional.empty());
        expected.put("x id", Optional.empty());
        // "where" is a stopword and "wher" starts one: neither is in the index
        expected.put("is where it", Optional.empty());
        expected.put("s wher", Optional.empty());
        // '_' is a word character to InnoDB and a wildcard to LIKE: left to the scan
        expected.put("a overdue_invoice", Optional.empty());
        // next to a letter outside ASCII InnoDB's idea of a word is not assumed
        expected.put("für rechnung 42", Optional.of("+rechnung"));
        expected.put("x ab" + "c".repeat(83), Optional.empty());
        expected.put("x ab" + "c".repeat(82), Optional.of("+ab" + "c".repeat(82) + "*"));
        expected.put("'It' <B>BOLD</B>", Optional.of("+bold"));
        // trimmed as the LIKE pattern is: a control character before the first run is not a delimiter of the pattern
        expected.put("\u0001abc def", Optional.of("+def*"));
        expected.forEach((term, query) -> assertThat(DEFAULTS.booleanQuery(term)).as(term).isEqualTo(query));
    }

    @Test
    void aStopwordTableOfTheServersTurnsThePrefilterOff() {
        assertThat(new FullTextWords(3, 84, Set.of(), false).booleanQuery("Seeded event 123")).isEmpty();
    }
}
