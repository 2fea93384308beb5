package org.billinghost.core.internal.logs;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.billinghost.core.internal.db.Jdbc;

/**
 * Narrows MariaDB's "contains" search of the activity log with its FULLTEXT index on the lower-cased message
 * (migration V251). InnoDB indexes words: runs of letters, digits and '_' of {@code minLength} to {@code maxLength}
 * characters, without stopwords. A line containing the term holds, as whole words, the runs the term shows with a
 * delimiter on both sides ({@code +word}), and a word starting with a last run that has a delimiter before it
 * ({@code +word*}). The term's first run may end a longer word and is never used. Of these words one is asked for:
 * InnoDB reads the whole list of lines of every word in the query, so a common word ("event" in every line) would cost
 * more than the scan it spares; without word counts to go by (they need the PROCESS privilege), a word with a digit
 * (a number, an id) and then the longest is taken as the rarest. Only ASCII letters and digits count
 * as word characters here and only ASCII punctuation and spaces as delimiters: what InnoDB makes of other characters
 * is left to the scan. A run with '_' (a word character to InnoDB, a wildcard to boolean mode's lexer) is not used
 * either.
 *
 * @param minLength innodb_ft_min_token_size: shorter words are not indexed
 * @param maxLength innodb_ft_max_token_size: longer words are not indexed
 * @param stopwords words not indexed; a prefix is used only when it starts none of them
 * @param usable    false when the server names its own stopword table, which this class does not read
 */
record FullTextWords(int minLength, int maxLength, Set<String> stopwords, boolean usable) {

    /**
     * InnoDB's default stopwords (information_schema.INNODB_FT_DEFAULT_STOPWORD, which needs the PROCESS privilege to
     * read, so they are written out here).
     */
    static final Set<String> DEFAULT_STOPWORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com", "de",
            "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to",
            "was", "what", "when", "where", "who", "will", "with", "und", "www");

    /**
     * The server's settings. The default stopwords are always left out (an index made while they were in force lacks
     * them); a stopword table of the server's or the session's turns the prefilter off.
     */
    static FullTextWords of(Jdbc jdbc) {
        return jdbc.queryOne("SELECT @@innodb_ft_min_token_size, @@innodb_ft_max_token_size,"
                        + " COALESCE(@@innodb_ft_server_stopword_table, ''),"
                        + " COALESCE(@@innodb_ft_user_stopword_table, '')",
                rs -> new FullTextWords(rs.getInt(1), rs.getInt(2), DEFAULT_STOPWORDS,
                        rs.getString(3).isEmpty() && rs.getString(4).isEmpty()))
                .orElseThrow();
    }

    /** A boolean-mode query every line containing {@code term} matches; empty when the term shows no usable word. */
    Optional<String> booleanQuery(String term) {
        if (!usable) {
            return Optional.empty();
        }
        String t = term.trim(); // as Paging.containsPattern trims it: the pattern's first run must be the first here
        String best = null;
        int bestRarity = -1;
        int i = 0;
        while (i < t.length()) {
            if (!isWordChar(t.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < t.length() && isWordChar(t.charAt(i))) {
                i++;
            }
            if (start == 0 || !isDelimiter(t.charAt(start - 1))) {
                continue; // may be the end of a longer word
            }
            String run = t.substring(start, i).toLowerCase(Locale.ROOT);
            boolean whole = i < t.length() && isDelimiter(t.charAt(i));
            if (run.length() >= minLength && run.length() <= maxLength && run.indexOf('_') < 0
                    && (whole ? !stopwords.contains(run) : stopwords.stream().noneMatch(s -> s.startsWith(run)))) {
                int rarity = rarity(run, whole);
                if (rarity >= bestRarity) {
                    best = "+" + run + (whole ? "" : "*");
                    bestRarity = rarity;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The guess: a word with a digit before any without, then the longer; a whole word before a prefix. */
    private static int rarity(String run, boolean whole) {
        return (run.chars().anyMatch(Character::isDigit) ? 1000 : 0) + run.length() * 2 + (whole ? 1 : 0);
    }

    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    private static boolean isDelimiter(char c) {
        return c < 128 && !isWordChar(c);
    }
}
