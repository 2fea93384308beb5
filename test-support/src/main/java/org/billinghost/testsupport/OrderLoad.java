package org.billinghost.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Places many Jetpack orders through the API from concurrent clients and keeps, for each order,
 * its service, site and timings. Site URLs are unique per order so the sandbox counts calls per site.
 * A caller whose call gets no answer stops there, so a host that went down ends the run.
 */
public final class OrderLoad {

    /** One order that the API accepted; times are {@link System#nanoTime()} values. */
    public record Placed(long serviceId, long orderId, long invoiceId, String site, long sentNanos, long answeredNanos) {
        public double answerMillis() {
            return (answeredNanos - sentNanos) / 1e6;
        }
    }

    /**
     * An order that was not placed: refused by the API with an HTTP {@code status}, or sent to a host
     * that gave no answer (status 0: it went down; the order may or may not have been stored).
     */
    public record Refused(int index, int status, String message) {
        public boolean answered() {
            return status != 0;
        }
    }

    public record Result(List<Placed> placed, List<Refused> refused, long startNanos, long endNanos) {
    }

    private OrderLoad() {
    }

    /**
     * @param apis        one API client per concurrent caller (round robin over the callers)
     * @param clientIds   clients the orders are spread over
     * @param productIdOf product id of the i-th order
     * @param siteOf      site URL of the i-th order
     */
    public static Result run(List<ApiClient> apis, int concurrency, int orders, List<Long> clientIds,
                             IntFunction<Long> productIdOf, IntFunction<String> siteOf) {
        return run(apis, concurrency, orders, clientIds, productIdOf, siteOf, i -> "");
    }

    /** As above, each order with the {@code idempotencykey} {@code keyOf(i)} (none when empty). */
    public static Result run(List<ApiClient> apis, int concurrency, int orders, List<Long> clientIds,
                             IntFunction<Long> productIdOf, IntFunction<String> siteOf, IntFunction<String> keyOf) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Placed> placed = Collections.synchronizedList(new ArrayList<>(orders));
        List<Refused> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                ApiClient api = apis.get(c % apis.size());
                callers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        String site = siteOf.apply(i);
                        long sent = System.nanoTime();
                        try {
                            JsonNode answer = api.addOrder(clientIds.get(i % clientIds.size()), productIdOf.apply(i),
                                    Map.of("Site URL", site, "Local User", "admin"), keyOf.apply(i));
                            placed.add(new Placed(Long.parseLong(answer.path("serviceids").asText()),
                                    answer.path("orderid").asLong(), answer.path("invoiceid").asLong(), site, sent,
                                    System.nanoTime()));
                        } catch (ApiException e) {
                            refused.add(new Refused(i, e.status(), e.getMessage()));
                        } catch (RuntimeException e) {
                            refused.add(new Refused(i, 0, e.getMessage()));
                            return;
                        }
                    }
                }));
            }
            for (Future<?> f : callers) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("order load failed", e);
        } finally {
            pool.shutdownNow();
        }
        return new Result(List.copyOf(placed), List.copyOf(refused), start, System.nanoTime());
    }

    /** Adds {@code count} clients and answers their ids. */
    public static List<Long> addClients(ApiClient api, String prefix, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(api.addClient("Load", "Client " + i, prefix + "-" + i + "-" + System.nanoTime() + "@example.com"));
        }
        return ids;
    }
}
