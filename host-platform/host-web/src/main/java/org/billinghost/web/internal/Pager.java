package org.billinghost.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Paging of a long list: the page number comes from the {@code page} parameter; {@code link}
 * is the list's address with its other parameters, to which {@code page=N} is added.
 */
public record Pager(int page, int size, long total, String link) {
    public static final int SIZE = 25;

    public static Pager of(Exchange ex, String link) {
        long page = Math.max(1, ex.number("page"));
        return new Pager((int) Math.min(page, 1_000_000), SIZE, 0, link);
    }

    public int offset() {
        return (page - 1) * size;
    }

    public Pager withTotal(long total) {
        return new Pager(page, size, total, link);
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public String linkTo(int target) {
        return link + (link.contains("?") ? "&" : "?") + "page=" + target;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
