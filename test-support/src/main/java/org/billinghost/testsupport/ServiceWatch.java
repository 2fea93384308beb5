package org.billinghost.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches services' statuses through GetClientsProducts (all services, 1,000 a page) and notes the
 * moment each reached the wanted status.
 */
public final class ServiceWatch {
    private final ApiClient api;

    public ServiceWatch(ApiClient api) {
        this.api = api;
    }

    /** Every service's status by id. */
    public Map<Long, String> statuses() {
        Map<Long, String> statuses = new HashMap<>();
        for (JsonNode p : services()) {
            statuses.put(p.path("id").asLong(), p.path("status").asText());
        }
        return statuses;
    }

    /** Every service, as GetClientsProducts shows it (with its order id and custom fields). */
    public List<JsonNode> services() {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode products = api.call("GetClientsProducts", Map.of("limitstart", offset, "limitnum", 1000))
                    .path("products").path("product");
            products.forEach(all::add);
            if (products.size() < 1000) {
                return all;
            }
        }
    }

    /**
     * Polls until every service has {@code status} or the time is up; answers the {@link System#nanoTime()}
     * at which each was first seen so (services never seen so are missing from the map).
     */
    public Map<Long, Long> await(Collection<Long> serviceIds, String status, Duration timeout, Duration interval) {
        Map<Long, Long> seen = new HashMap<>();
        Set<Long> waiting = new HashSet<>(serviceIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Map<Long, String> now = statuses();
            long at = System.nanoTime();
            waiting.removeIf(id -> {
                if (status.equals(now.get(id))) {
                    seen.put(id, at);
                    return true;
                }
                return false;
            });
            if (!waiting.isEmpty()) {
                sleep(interval);
            }
        }
        return seen;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
