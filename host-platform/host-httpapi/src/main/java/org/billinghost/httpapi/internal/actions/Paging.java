package org.billinghost.httpapi.internal.actions;

import java.util.List;
import java.util.Optional;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ApiRequest;

/** WHMCS's {@code limitstart} and {@code limitnum} (default 25). */
record Paging(int offset, int limit) {

    static final int MAX_LIMIT = 1000;

    static Paging of(ApiRequest request) {
        return new Paging(request.integer("limitstart", 0, 0, Integer.MAX_VALUE),
                request.integer("limitnum", 25, 1, MAX_LIMIT));
    }

    /**
     * The page of a filter that names one record by id: the record on the first page only, so that a
     * client paging until {@code numreturned} is 0 stops.
     */
    <T> ResultPage<T> ofOne(Optional<T> record) {
        List<T> items = offset == 0 ? record.stream().toList() : List.of();
        return new ResultPage<>(items, record.isPresent() ? 1 : 0, offset, limit);
    }
}
