package org.billinghost.core.internal.db;

import java.util.Locale;

/** Checks of page bounds and LIKE patterns shared by the paged searches. */
public final class Paging {

    /** The largest page any search answers. */
    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /** @throws IllegalArgumentException for a negative offset or a limit below 1 */
    public static int limit(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("The offset must be 0 or more.");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("The limit must be 1 or more.");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    /** A case-insensitive "contains" pattern for {@code LOWER(column) LIKE ? ESCAPE '!'}. */
    public static String containsPattern(String term) {
        String escaped = term.trim().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    public static boolean isBlank(String term) {
        return term == null || term.isBlank();
    }
}
