package org.billinghost.jetpack.sandbox.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many requests each endpoint received, faulted ones included. Counting never contends. */
final class RequestStats {

    private final Map<Endpoint, LongAdder> counts = new EnumMap<>(Endpoint.class);

    RequestStats() {
        for (Endpoint endpoint : Endpoint.values()) {
            counts.put(endpoint, new LongAdder());
        }
    }

    void record(Endpoint endpoint) {
        counts.get(endpoint).increment();
    }

    /** {@code {"token_requests": n, "provision_requests": n, ...}} in endpoint order. */
    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        counts.forEach((endpoint, count) -> snapshot.put(endpoint.key() + "_requests", count.sum()));
        return snapshot;
    }

    void clear() {
        counts.values().forEach(LongAdder::reset);
    }
}
