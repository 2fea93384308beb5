package org.billinghost.api.platform;

import java.util.List;

/** One page of a longer list: {@code offset} is 0-based, {@code total} counts the whole list. */
public record ResultPage<T>(List<T> items, long total, int offset, int limit) {
    public ResultPage {
        items = List.copyOf(items);
    }
}
