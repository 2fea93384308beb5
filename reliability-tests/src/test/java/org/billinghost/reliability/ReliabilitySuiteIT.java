package org.billinghost.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ApiException;
import org.billinghost.testsupport.ExternalDatabase;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;
import org.billinghost.testsupport.OrderLoad;
import org.billinghost.testsupport.SandboxClient;
import org.billinghost.testsupport.ServiceWatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning that never loses or duplicates work (issue 7), against real host processes and one
 * Partner API sandbox that outlives them (served by a separate demo host). Prints its figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilitySuiteIT {
    private static final String PARTNER_ID = JetpackCatalog.DEMO_PARTNER_ID;
    private static final int WORKERS = 8;
    private static final Duration SETTLE = Duration.ofMinutes(4);

    @TempDir
    static Path work;

    private static final Figures FIGURES = new Figures("Reliability");
    private static HostProcess sandboxHost;
    private static SandboxClient sandbox;
    private static String sandboxUrl;

    @BeforeAll
    static void startSandbox() {
        sandboxHost = HostProcess.options(work.resolve("sandbox-host")).demo().start();
        sandbox = SandboxClient.of(sandboxHost);
        sandboxUrl = sandboxHost.baseUrl() + "sandbox/wpcom";
    }

    @AfterAll
    static void stopSandbox() {
        FIGURES.print();
        if (sandboxHost != null) {
            sandboxHost.close();
        }
    }

    /** A demo host whose Partner API client talks to the shared sandbox, with fast back-off and short time-outs. */
    private static HostProcess.Options host(String name) {
        return host(name, 1500);
    }

    private static HostProcess.Options host(String name, int readTimeoutMillis) {
        return HostProcess.options(work.resolve(name)).demo().partnerApiUrl(sandboxUrl)
                .distConfig("jetpack.partner.api", Map.of("connectTimeoutMillis", "1000",
                        "readTimeoutMillis", String.valueOf(readTimeoutMillis),
                        "callTimeoutMillis", String.valueOf(readTimeoutMillis + 2500)))
                .config("org.billinghost.core.jobs", Map.of("workers", String.valueOf(WORKERS), "pollMillis", "200",
                        "leaseSeconds", "10", "maxAttempts", "12", "backoffBaseMillis", "100",
                        "backoffMaxMillis", "2000"));
    }

    private static JetpackCatalog jetpack(HostProcess host, String autoSetup) {
        return JetpackCatalog.installDemo(host, autoSetup);
    }

    private static Map<String, JsonNode> sitesBySite() {
        Map<String, JsonNode> sites = new HashMap<>();
        for (JsonNode s : sandbox.sites().path("sites")) {
            sites.put(s.path("site").asText(), s);
        }
        return sites;
    }

    private static long stat(String name) {
        return sandbox.stats().path(name).asLong();
    }

    @Test
    @Order(1)
    void faultsNeverLoseAnOrder() {
        sandbox.reset();
        sandbox.faults(Map.of("endpoint", "provision", "count", -1, "probability", 0.3, "status", 503));
        sandbox.faults(Map.of("endpoint", "provision", "count", 15, "latency_ms", 2500));
        sandbox.faults(Map.of("endpoint", "provision", "count", 15, "drop", true));
        try (HostProcess host = host("faults").start()) {
            ApiClient api = ApiClient.demo(host);
            JetpackCatalog products = jetpack(host, "order");
            List<Long> clients = OrderLoad.addClients(api, "faults", 20);
            int orders = 500;
            OrderLoad.Result load = OrderLoad.run(List.of(api), 16, orders, clients,
                    i -> products.productId("Personal"), i -> "faults-" + i + ".example.com");
            assertThat(load.refused()).as("orders refused").isEmpty();
            List<Long> services = load.placed().stream().map(OrderLoad.Placed::serviceId).toList();
            Map<Long, Long> active = new ServiceWatch(api).await(services, "Active", SETTLE, Duration.ofMillis(500));
            double seconds = (System.nanoTime() - load.startNanos()) / 1e9;
            long provisionCalls = stat("provision_requests");
            FIGURES.add("1 faults (30% 503, 15 time-outs, 15 dropped connections)", orders + " orders, "
                    + active.size() + " Active after " + String.format("%.1f", seconds) + " s; provision calls "
                    + provisionCalls + " (retries " + (provisionCalls - orders) + "); token calls " + stat("token_requests"));
            assertThat(active).as("services Active").hasSize(orders);
            assertThat(api.call("GetOrders", Map.of("limitnum", 1000)).path("totalresults").asInt()).isEqualTo(orders);
            Map<String, JsonNode> sites = sitesBySite();
            for (OrderLoad.Placed p : load.placed()) {
                assertThat(sites.get(p.site())).as("sandbox site " + p.site()).isNotNull();
                assertThat(sites.get(p.site()).path("state").asText()).isEqualTo("provisioned");
                assertThat(api.customField(p.serviceId(), "jetpack_provisioning_details"))
                        .startsWith("URL to Activate Jetpack: ");
            }
            assertThat(provisionCalls).as("the faults forced retries").isGreaterThan(orders + 30L);
        } finally {
            sandbox.reset();
        }
    }

    @Test
    @Order(2)
    void badCredentialsFailOncePermanently() {
        sandbox.reset();
        try (HostProcess host = host("badcredentials").start()) {
            ApiClient api = ApiClient.demo(host);
            AdminSession admin = AdminSession.login(host, "admin", "admin");
            JetpackCatalog products = jetpack(host, "order");
            products.saveProduct(admin, "Premium", PARTNER_ID, "wrong-secret", "order");
            List<Long> clients = OrderLoad.addClients(api, "badcreds", 10);
            int orders = 100;
            OrderLoad.Result load = OrderLoad.run(List.of(api), 8, orders, clients,
                    i -> products.productId("Premium"), i -> "badcreds-" + i + ".example.com");
            assertThat(load.refused()).isEmpty();
            Set<Long> services = load.placed().stream().map(OrderLoad.Placed::serviceId).collect(Collectors.toSet());
            List<JsonNode> failed = awaitQueue(api, services, SETTLE);
            // wait a little longer: a retry storm would show up now
            sleep(Duration.ofSeconds(3));
            long tokenCalls = stat("token_requests");
            long provisionCalls = stat("provision_requests");
            FIGURES.add("2 bad credentials", orders + " orders, " + failed.size() + " failed jobs in the module queue; "
                    + "provision calls " + provisionCalls + ", token calls " + tokenCalls);
            assertThat(failed).hasSize(orders);
            for (JsonNode item : failed) {
                assertThat(item.path("last_attempt_error").asText()).startsWith("JETPACK MODULE: ");
                assertThat(item.path("num_retries").asInt()).as("attempts of a permanent failure").isEqualTo(1);
            }
            assertThat(provisionCalls).isZero();
            assertThat(tokenCalls).as("token calls bounded by the jobs").isLessThanOrEqualTo(orders);
            Map<Long, String> statuses = new ServiceWatch(api).statuses();
            services.forEach(id -> assertThat(statuses.get(id)).isEqualTo("Pending"));
        } finally {
            sandbox.reset();
        }
    }

    /** Module-queue items of the given services, once every one of them has failed. */
    private static List<JsonNode> awaitQueue(ApiClient api, Set<Long> services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> failed = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            failed.clear();
            for (JsonNode item : api.call("GetModuleQueue", Map.of()).path("queue")) {
                if (services.contains(item.path("service_id").asLong()) && "failed".equals(item.path("state").asText())) {
                    failed.add(item);
                }
            }
            if (failed.size() >= services.size()) {
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        return failed;
    }

    @Test
    @Order(3)
    void crashLosesNothingAndRepeatsOnlyWhatWasInFlight() throws Exception {
        sandbox.reset();
        // slow calls, yet far below the read time-out, so that only the crash can repeat a call
        sandbox.faults(Map.of("endpoint", "provision", "count", 60, "latency_ms", 800));
        HostProcess.Options options = host("crash", 15_000);
        HostProcess host = options.start();
        int orders = 200;
        OrderLoad.Result load;
        long receivedAtKill;
        try {
            ApiClient api = ApiClient.demo(host);
            JetpackCatalog products = jetpack(host, "order");
            List<Long> clients = OrderLoad.addClients(api, "crash", 10);
            load = OrderLoad.run(List.of(api), 16, orders, clients, i -> products.productId("Professional"),
                    i -> "crash-" + i + ".example.com");
            assertThat(load.refused()).isEmpty();
            while (stat("provision_requests") < 20) {
                sleep(Duration.ofMillis(100));
            }
        } finally {
            host.kill();
        }
        receivedAtKill = stat("provision_requests");
        Set<Long> inFlight = runningJobs(host.dataDir());
        long inFlightAtKill = inFlight.size();
        try (HostProcess restarted = options.start()) {
            ApiClient api = ApiClient.demo(restarted);
            List<Long> services = load.placed().stream().map(OrderLoad.Placed::serviceId).toList();
            Map<Long, Long> active = new ServiceWatch(api).await(services, "Active", SETTLE, Duration.ofMillis(500));
            long provisionCalls = stat("provision_requests");
            long extra = provisionCalls - orders;
            Map<String, JsonNode> sites = sitesBySite();
            List<String> unknownToSandbox = load.placed().stream().map(OrderLoad.Placed::site)
                    .filter(site -> !sites.containsKey(site)).toList();
            assertThat(unknownToSandbox).as("Active services whose site the sandbox never provisioned").isEmpty();
            List<String> repeatedNotInFlight = load.placed().stream()
                    .filter(p -> sites.get(p.site()).path("provision_count").asLong() > 1
                            && !inFlight.contains(p.serviceId()))
                    .map(p -> "service " + p.serviceId() + " (" + sites.get(p.site()).path("provision_count").asLong() + " calls)")
                    .toList();
            FIGURES.add("3 crash (SIGKILL with provisions in flight)", orders + " orders; at the kill "
                    + receivedAtKill + " provision calls received and " + inFlightAtKill + " jobs in flight; after the"
                    + " restart " + active.size() + " Active; provision calls " + provisionCalls + " (" + extra
                    + " repeated)");
            assertThat(active).hasSize(orders);
            assertThat(repeatedNotInFlight).as("services provisioned more than once that no killed job held").isEmpty();
            assertThat(extra).as("repeated provision calls").isBetween(0L, inFlightAtKill);
        } finally {
            sandbox.reset();
        }
    }

    /** Services whose job a killed host held (state running) in its H2 database, read while no host runs. */
    private static Set<Long> runningJobs(Path dataDir) throws java.sql.SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/billing") + ";AUTO_SERVER=FALSE";
        Set<Long> services = new java.util.HashSet<>();
        try (var c = java.sql.DriverManager.getConnection(url, "", "");
             var rs = c.createStatement().executeQuery("SELECT service_id FROM jobs WHERE state = 'running'")) {
            while (rs.next()) {
                services.add(rs.getLong(1));
            }
        }
        return services;
    }

    @Test
    @Order(4)
    void twoHostsOnPostgresql() throws Exception {
        twoHostsOneDatabase(ExternalDatabase.Kind.POSTGRESQL);
    }

    @Test
    @Order(5)
    void twoHostsOnMariadb() throws Exception {
        twoHostsOneDatabase(ExternalDatabase.Kind.MARIADB);
    }

    private void twoHostsOneDatabase(ExternalDatabase.Kind kind) throws Exception {
        ExternalDatabase db = ExternalDatabase.open(kind);
        org.junit.jupiter.api.Assumptions.assumeTrue(db != null, kind + " server absent");
        sandbox.reset();
        try (db; HostProcess first = host("two-" + db.label() + "-a").database(db.url(), db.user(), "").start();
             HostProcess second = host("two-" + db.label() + "-b").database(db.url(), db.user(), "").start()) {
            ApiClient apiA = ApiClient.demo(first);
            ApiClient apiB = ApiClient.demo(second);
            JetpackCatalog products = jetpack(first, "order");
            List<Long> clients = OrderLoad.addClients(apiA, "two-" + db.label(), 20);
            int orders = 1000;
            OrderLoad.Result load = OrderLoad.run(List.of(apiA, apiB), 16, orders, clients,
                    i -> products.productId("Personal"), i -> "two-" + db.label() + "-" + i + ".example.com");
            assertThat(load.refused()).isEmpty();
            List<Long> services = load.placed().stream().map(OrderLoad.Placed::serviceId).toList();
            Map<Long, Long> active = new ServiceWatch(apiB).await(services, "Active", SETTLE, Duration.ofMillis(500));
            double seconds = (System.nanoTime() - load.startNanos()) / 1e9;
            Map<String, JsonNode> sites = sitesBySite();
            long once = load.placed().stream().filter(p -> sites.containsKey(p.site())
                    && sites.get(p.site()).path("provision_count").asLong() == 1).count();
            FIGURES.add("4 two hosts on one " + db.label() + " database", orders + " orders split over 2 hosts, "
                    + active.size() + " Active after " + String.format("%.1f", seconds) + " s; sites provisioned exactly once: "
                    + once + "; provision calls " + stat("provision_requests"));
            assertThat(active).hasSize(orders);
            assertThat(once).as("sites with exactly one provision call").isEqualTo(orders);
        } finally {
            sandbox.reset();
        }
    }

    @Test
    @Order(6)
    void concurrentCreatesMakeOneCall() throws Exception {
        sandbox.reset();
        try (HostProcess host = host("concurrency").start()) {
            ApiClient api = ApiClient.demo(host);
            AdminSession admin = AdminSession.login(host, "admin", "admin");
            JetpackCatalog products = jetpack(host, "order");
            products.saveProduct(admin, "Free", PARTNER_ID, "", "");
            long client = api.addClient("Con", "Current", "concurrency@example.com");
            long service = Long.parseLong(api.addOrder(client, products.productId("Free"),
                    Map.of("Site URL", "concurrent.example.com", "Local User", "admin")).path("serviceids").asText());
            int callers = 50;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        api.call("ModuleCreate", Map.of("serviceid", service));
                        return "success";
                    } catch (ApiException e) {
                        return e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : answers) {
                results.add(f.get());
            }
            pool.shutdown();
            long successes = results.stream().filter("success"::equals).count();
            long provisionCount = sitesBySite().get("concurrent.example.com").path("provision_count").asLong();
            FIGURES.add("5 concurrency", callers + " simultaneous ModuleCreate calls: " + successes + " success, "
                    + (callers - successes) + " refused; provision calls for the site " + provisionCount);
            assertThat(provisionCount).isEqualTo(1);
            assertThat(successes).isEqualTo(1);
            assertThat(api.serviceStatus(service)).isEqualTo("Active");
        } finally {
            sandbox.reset();
        }
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
