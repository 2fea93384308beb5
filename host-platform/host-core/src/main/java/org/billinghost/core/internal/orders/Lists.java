package org.billinghost.core.internal.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.db.RowMapper;
import org.billinghost.core.internal.db.Sorting;

/** The admin's lists of orders, invoices and services: search by number or client, sorted, one page. */
final class Lists {
    private Lists() {
    }

    /**
     * One page of orders or invoices: of a status (its label; null for any), whose number is the search or whose
     * client's name, company or e-mail contains it, sorted by one of {@code sorts} (newest first by default).
     */
    static <T> ResultPage<T> byStatus(Jdbc jdbc, String columns, String table, String status, ListQuery query,
                                      Map<String, List<String>> sorts, RowMapper<T> mapper, int offset, int limit) {
        ListQuery q = query == null ? ListQuery.ALL : query;
        String order = Sorting.orderBy(q, sorts, "id", true);
        List<Object> params = new ArrayList<>();
        String where = "";
        if (status != null) {
            where = " WHERE status = ?";
            params.add(status);
        }
        where = searchByNumberOrClient(jdbc, q, where, params);
        return page(jdbc, columns, table, where, order, params, mapper, offset, limit);
    }

    /**
     * Adds "the row's number is the search, or its client's name, company or e-mail contains it" to
     * {@code where} (empty or starting with {@code " WHERE "}); the parameters go to {@code params}.
     */
    private static String searchByNumberOrClient(Jdbc jdbc, ListQuery query, String where, List<Object> params) {
        if (query.search() == null) {
            return where;
        }
        long number = Sorting.number(query.search());
        String clients = Sorting.clientsMatching(jdbc.dialect());
        String condition;
        if (number < 0) {
            // a plain semi-join: the database starts from the clients or from the rows, as the search is narrow or broad
            condition = "client_id IN (" + clients + ")";
        } else {
            params.add(number);
            condition = "(id = ? OR " + Paging.inSubquery(jdbc.dialect(), "client_id", clients) + ")";
        }
        String pattern = Paging.containsPattern(query.search());
        params.addAll(List.of(pattern, pattern, pattern));
        return where.isEmpty() ? " WHERE " + condition : where + " AND " + condition;
    }

    /** One page of {@code table} in the order given; bounds refused as the other lists refuse them. */
    static <T> ResultPage<T> page(Jdbc jdbc, String columns, String table, String where, String orderBy,
                                  List<Object> params, RowMapper<T> mapper, int offset, int limit) {
        int size = PageRequest.limit(offset, limit);
        return Paging.page(jdbc, new Paging.Query(columns, table, orderBy), where, params, mapper, offset, size);
    }
}
