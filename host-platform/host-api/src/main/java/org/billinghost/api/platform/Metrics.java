package org.billinghost.api.platform;

import java.time.Duration;

/**
 * The host's metrics, answered at {@code GET /metrics} in the Prometheus text format. A module counts its own
 * events here without depending on a metrics library. Names are dotted lower case ({@code jetpack.partner.calls});
 * tags are given as name, value pairs and should take few distinct values (an endpoint, a status, never an id).
 */
public interface Metrics {

    /** Adds one to the counter {@code name} with these tags ({@code "endpoint", "/licenses", "status", "200"}). */
    void count(String name, String... tags);

    /** Records one duration in the timer {@code name} (a count, a sum and a maximum) with these tags. */
    void record(String name, Duration duration, String... tags);
}
