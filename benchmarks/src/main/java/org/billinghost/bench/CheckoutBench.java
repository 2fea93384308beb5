package org.billinghost.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ExternalDatabase;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;
import org.billinghost.testsupport.OrderLoad;
import org.billinghost.testsupport.SandboxClient;
import org.billinghost.testsupport.ServiceWatch;

/**
 * Checkout to provisioned: orders through the HTTP API by concurrent clients, auto-setup
 * {@code order}, against the demo host's own sandbox with added latency; then the limit, the same
 * number of provision calls sent straight to that sandbox.
 */
final class CheckoutBench {
    private static final Duration POLL = Duration.ofMillis(250);
    private final Settings settings;
    private final Report report;

    CheckoutBench(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    /** Answers the largest resident set (KB) of the hosts right after their run, 0 when skipped. */
    long run(String db, int latencyMs) throws Exception {
        String section = "checkout " + db + ", sandbox latency " + latencyMs + " ms";
        Map<String, List<Double>> figures = new HashMap<>();
        long rss = 0;
        for (int rep = 0; rep < settings.throughputRepeats(); rep++) {
            ExternalDatabase pg = null;
            if (db.equals("postgresql")) {
                pg = ExternalDatabase.open(ExternalDatabase.Kind.POSTGRESQL);
                if (pg == null) {
                    report.note(section + ": skipped, no PostgreSQL server");
                    return 0;
                }
            }
            HostProcess.Options options = HostProcess.options(settings.work().resolve("checkout-" + db + "-" + latencyMs
                    + "-" + rep)).demo();
            if (pg != null) {
                options.database(pg.url(), pg.user(), "");
            }
            try (HostProcess host = options.start()) {
                rss = Math.max(rss, once(host, latencyMs, figures));
            } finally {
                if (pg != null) {
                    pg.close();
                }
            }
        }
        int n = settings.orders();
        String load = n + " orders, " + settings.concurrency() + " concurrent API clients";
        report.add(section, "AddOrder throughput", "orders/s", figures.get("orders/s"), null, true, load);
        report.add(section, "checkout-to-provisioned throughput", "orders/s", figures.get("provisioned/s"), null, true, load);
        report.add(section, "AddOrder answer p50", "ms", figures.get("add p50"), null, false, null);
        report.add(section, "AddOrder answer p95", "ms", figures.get("add p95"), null, false, null);
        report.add(section, "AddOrder answer p99", "ms", figures.get("add p99"), null, false, null);
        report.add(section, "order-to-Active p50", "ms", figures.get("active p50"), null, false,
                "seen by polling GetClientsProducts every " + POLL.toMillis() + " ms");
        report.add(section, "order-to-Active p95", "ms", figures.get("active p95"), null, false, null);
        report.add(section, "order-to-Active p99", "ms", figures.get("active p99"), null, false, null);
        report.add(section, "Partner API calls per provisioned service", "calls", figures.get("calls"), 1.01, false,
                "token + provision calls counted by the sandbox");
        report.add(section, "the limit: provision calls straight to the sandbox", "calls/s", figures.get("limit"), null,
                true, "OkHttp, same concurrency and count");
        report.add(section, "checkout-to-provisioned / limit", "ratio", figures.get("ratio"), 0.5, true, null);
        return rss;
    }

    private long once(HostProcess host, int latencyMs, Map<String, List<Double>> figures) throws Exception {
        ApiClient api = ApiClient.demo(host);
        SandboxClient sandbox = SandboxClient.of(host);
        JetpackCatalog products = JetpackCatalog.install(host, api, AdminSession.login(host, "admin", "admin"),
                "1001", "demo-partner-secret", "order");
        List<Long> clients = OrderLoad.addClients(api, "bench", settings.concurrency());
        sandbox.reset();
        if (latencyMs > 0) {
            sandbox.faults(Map.of("endpoint", "provision", "count", -1, "latency_ms", latencyMs));
        }
        int n = settings.orders();
        Map<Long, Long> activeAt = Collections.synchronizedMap(new HashMap<>());
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> watch(new ServiceWatch(api), activeAt, watching, n), "bench-watcher");
        watcher.start();
        OrderLoad.Result load = OrderLoad.run(List.of(api), settings.concurrency(), n, clients,
                i -> products.productId("Personal"), i -> "bench-" + i + "-" + System.nanoTime() + ".example.com");
        watcher.join(Duration.ofMinutes(10).toMillis());
        watching.set(false);
        if (!load.refused().isEmpty() || activeAt.size() < n) {
            throw new IllegalStateException(load.refused().size() + " orders refused, " + activeAt.size() + " of " + n
                    + " services Active; first refusal: " + load.refused().stream().findFirst().map(OrderLoad.Refused::message).orElse("none"));
        }
        double loadSeconds = (load.endNanos() - load.startNanos()) / 1e9;
        long lastActive = activeAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        double provisionedPerSecond = n / ((lastActive - load.startNanos()) / 1e9);
        List<Double> answer = new ArrayList<>();
        List<Double> toActive = new ArrayList<>();
        for (OrderLoad.Placed p : load.placed()) {
            answer.add(p.answerMillis());
            toActive.add((activeAt.get(p.serviceId()) - p.sentNanos()) / 1e6);
        }
        Stats a = Stats.of(answer);
        Stats t = Stats.of(toActive);
        var stats = sandbox.stats();
        double calls = (stats.path("token_requests").asLong() + stats.path("provision_requests").asLong()) / (double) n;
        double limit = new LimitBench(host.baseUrl() + "sandbox/wpcom", settings.concurrency()).callsPerSecond(n);
        add(figures, "orders/s", n / loadSeconds);
        add(figures, "provisioned/s", provisionedPerSecond);
        add(figures, "add p50", a.percentile(50));
        add(figures, "add p95", a.percentile(95));
        add(figures, "add p99", a.percentile(99));
        add(figures, "active p50", t.percentile(50));
        add(figures, "active p95", t.percentile(95));
        add(figures, "active p99", t.percentile(99));
        add(figures, "calls", calls);
        add(figures, "limit", limit);
        add(figures, "ratio", provisionedPerSecond / limit);
        return host.residentKilobytes();
    }

    private static void add(Map<String, List<Double>> figures, String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** Notes when each service is first seen Active, until {@code expected} are or watching stops. */
    private static void watch(ServiceWatch watch, Map<Long, Long> activeAt, AtomicBoolean watching, int expected) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (watching.get() && activeAt.size() < expected && System.nanoTime() < deadline) {
            Map<Long, String> statuses = watch.statuses();
            long now = System.nanoTime();
            statuses.forEach((id, status) -> {
                if ("Active".equals(status)) {
                    activeAt.putIfAbsent(id, now);
                }
            });
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
