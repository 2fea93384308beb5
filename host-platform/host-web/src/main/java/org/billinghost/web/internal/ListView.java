package org.billinghost.web.internal;

import org.billinghost.api.billing.ListQuery;

import java.util.List;

/**
 * A searchable, sortable admin list: reads {@code search}, {@code sort} and {@code dir}, and makes the column
 * headers' links and the pager's. A sort key the list does not offer is not passed on: the list keeps its
 * default order and says so.
 *
 * @param base the list's address with its other parameters (a filter), to which these are added
 */
public record ListView(String base, String search, String sort, boolean descending, List<String> keys, String notice) {

    /** A column header: its label, the link that sorts by it (the other way when it is the sort already), its mark. */
    public record Column(String label, String href, String mark) {
    }

    public static ListView of(Exchange ex, String base, List<String> keys) {
        String sort = ex.param("sort").trim();
        String notice = null;
        if (!sort.isEmpty() && !keys.contains(sort)) {
            notice = "This list cannot be sorted that way; it is shown in its usual order.";
            sort = "";
        }
        return new ListView(base, ex.param("search").trim(), sort, "desc".equals(ex.param("dir")), keys, notice);
    }

    public ListQuery query() {
        return new ListQuery(search, sort, descending);
    }

    /** The list's address with the search and the sort: the pager adds the page. */
    public String link() {
        return with(sort, descending);
    }

    public Column column(String key, String label) {
        boolean current = key.equals(sort);
        return new Column(label, with(key, current && !descending), current ? (descending ? " \u25bc" : " \u25b2") : "");
    }

    private String with(String key, boolean desc) {
        return base + (base.contains("?") ? "&" : "?") + "search=" + Pager.encode(search)
                + (key.isEmpty() ? "" : "&sort=" + Pager.encode(key) + (desc ? "&dir=desc" : ""));
    }
}
