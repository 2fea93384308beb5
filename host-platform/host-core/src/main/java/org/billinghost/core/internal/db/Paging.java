package org.billinghost.core.internal.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.api.platform.ResultPage;

/** Paged lists and searches: page bounds, case-insensitive "contains" filters, counting. */
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

    /** A case-insensitive "contains" pattern for {@link #contains}. */
    public static String containsPattern(String term) {
        String escaped = term.trim().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    /**
     * A condition "column contains the pattern, ignoring case". H2 and PostgreSQL have ILIKE, which
     * spares lower-casing every row of a scan; MariaDB's tables use a binary collation, so LOWER there.
     */
    public static String contains(Dialect dialect, String column) {
        return dialect == Dialect.MARIADB ? "LOWER(" + column + ") LIKE ? ESCAPE '!'" : column + " ILIKE ? ESCAPE '!'";
    }

    /**
     * "{@code column} is one of the ids the subquery answers", for a condition that ORs it with others. PostgreSQL
     * cannot use an index for {@code IN (subquery)} inside an OR (it filters every row through the subquery's hash),
     * but it can for an array computed once, so there the OR becomes a union of index scans.
     */
    public static String inSubquery(Dialect dialect, String column, String subquery) {
        return dialect == Dialect.POSTGRESQL ? column + " = ANY(ARRAY(" + subquery + "))"
                : column + " IN (" + subquery + ")";
    }

    public static boolean isBlank(String term) {
        return term == null || term.isBlank();
    }

    /** A query for one page of a list: {@code SELECT columns FROM table WHERE ... ORDER BY ...}. */
    public record Query(String columns, String table, String orderBy) {
    }

    /**
     * Reads one page without counting the whole list, for a page that shows no total (the dashboard's latest lines).
     *
     * @param where as for {@link #page}
     * @throws IllegalArgumentException for a negative offset or a limit below 1
     */
    public static <T> List<T> items(Jdbc jdbc, Query query, String where, List<Object> params, RowMapper<T> mapper,
                                    int offset, int limit) {
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit(offset, limit));
        pageParams.add(offset);
        return jdbc.query("SELECT " + query.columns() + " FROM " + query.table() + where + " ORDER BY "
                + query.orderBy() + " LIMIT ? OFFSET ?", mapper, pageParams.toArray());
    }

    /**
     * Reads one page and the size of the whole list. A page shorter than asked for already tells the
     * total (an empty first page too), which spares a second scan when a search matches few rows or none.
     *
     * @param where empty, or a condition starting with {@code " WHERE "} whose parameters are {@code params}
     * @throws IllegalArgumentException for a negative offset or a limit below 1
     */
    public static <T> ResultPage<T> page(Jdbc jdbc, Query query, String where, List<Object> params, RowMapper<T> mapper,
                                         int offset, int limit) {
        int max = limit(offset, limit);
        List<T> items = items(jdbc, query, where, params, mapper, offset, max);
        long total = (!items.isEmpty() || offset == 0) && items.size() < max ? offset + items.size()
                : jdbc.queryLong("SELECT COUNT(*) FROM " + query.table() + where, params.toArray());
        return new ResultPage<>(items, total, offset, max);
    }
}
