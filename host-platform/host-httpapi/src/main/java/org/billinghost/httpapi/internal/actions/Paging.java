package org.billinghost.httpapi.internal.actions;

import org.billinghost.httpapi.internal.ApiRequest;

/** WHMCS's {@code limitstart} and {@code limitnum} (default 25). */
record Paging(int offset, int limit) {

    static final int MAX_LIMIT = 1000;

    static Paging of(ApiRequest request) {
        return new Paging(request.integer("limitstart", 0, 0, Integer.MAX_VALUE),
                request.integer("limitnum", 25, 1, MAX_LIMIT));
    }
}
