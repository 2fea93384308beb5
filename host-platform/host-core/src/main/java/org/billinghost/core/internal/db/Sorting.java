package org.billinghost.core.internal.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.platform.ModuleDatabase.Dialect;

/**
 * The ORDER BY and search conditions of the admin's lists. A list names its sort keys and the columns each
 * sorts by; only those ever reach the SQL, so a sort parameter can never name a column of its own. Searches
 * are bound parameters.
 */
public final class Sorting {
    private Sorting() {
    }

    /**
     * The ORDER BY clause (without the words) of {@code query}'s sort key: its columns in the direction asked,
     * then the id, so pages never overlap. No key: {@code defaultKey} in {@code defaultDescending} order.
     *
     * @param keys each sort key with its columns (SQL of the list's own, never from input)
     */
    public static String orderBy(ListQuery query, Map<String, List<String>> keys, String defaultKey,
                                 boolean defaultDescending) {
        String key = query.sort() == null ? defaultKey : query.sort();
        boolean descending = query.sort() == null ? defaultDescending : query.descending();
        List<String> columns = keys.get(key);
        if (columns == null) {
            throw BillingException.invalid("sort", "This list cannot be sorted by '" + shorten(key)
                    + "'; it sorts by " + String.join(", ", new TreeSet<>(keys.keySet())) + ".");
        }
        String direction = descending ? " DESC" : " ASC";
        List<String> parts = new ArrayList<>();
        columns.forEach(c -> parts.add(c + direction));
        if (!columns.equals(List.of("id"))) {
            parts.add("id" + direction);
        }
        return String.join(", ", parts);
    }

    /** A search that is a whole number (an order's or invoice's number), or -1. */
    public static long number(String search) {
        if (search == null || search.length() > 18) {
            return -1;
        }
        String digits = search.startsWith("#") ? search.substring(1) : search;
        return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit) ? Long.parseLong(digits) : -1;
    }

    /** The ids of the clients whose full name, company or e-mail contains the search: three parameters. */
    public static String clientsMatching(Dialect dialect) {
        return "SELECT c.id FROM clients c WHERE " + clientFields(dialect, "c.");
    }

    /**
     * The client's full name, company or e-mail contains the search: three parameters. On PostgreSQL each of the
     * three is the expression of a trigram index (V252), so the name is joined with {@code ||} (CONCAT is not
     * immutable there, so it cannot be indexed); MariaDB reads {@code ||} as OR, so CONCAT there. The columns are
     * NOT NULL, so both give the same text.
     */
    public static String clientFields(Dialect dialect, String prefix) {
        String fullName = dialect == Dialect.MARIADB ? "CONCAT(" + prefix + "first_name, ' ', " + prefix + "last_name)"
                : "(" + prefix + "first_name || ' ' || " + prefix + "last_name)";
        return "(" + Paging.contains(dialect, fullName) + " OR "
                + Paging.contains(dialect, prefix + "company_name") + " OR "
                + Paging.contains(dialect, prefix + "email") + ")";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
