package org.billinghost.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;
import org.billinghost.testsupport.OrderLoad;
import org.billinghost.testsupport.SandboxClient;
import org.billinghost.testsupport.ServiceWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jetpack license keys issued exactly once by a real host process: 300 orders of a license product while 25 % of the
 * sandbox's issue calls lose their answer after creating the license and 5 % answer after the read time-out, and the
 * host is killed (SIGKILL) in the middle and started again. Every service must end Active with one license, and the
 * sandbox's unrevoked licenses must be exactly the services' keys: no license billed twice, none orphaned.
 */
class LicensingReliabilityIT {
    private static final int ORDERS = 300;
    private static final String TOKEN = "demo-licensing-token";
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final Figures FIGURES = new Figures("Licensing");

    @TempDir
    static Path work;

    @Test
    void licensesAreIssuedExactlyOnceUnderLostAnswersTimeOutsAndAKill() throws Exception {
        try (HostProcess sandboxHost = HostProcess.options(work.resolve("sandbox-host")).demo().start()) {
            SandboxClient sandbox = SandboxClient.of(sandboxHost);
            HostProcess.Options options = HostProcess.options(work.resolve("licensing")).demo()
                    .partnerApiUrl(sandboxHost.baseUrl() + "sandbox/wpcom")
                    .distConfig("jetpack.partner.api", Map.of("connectTimeoutMillis", "1000",
                            "readTimeoutMillis", "1500", "callTimeoutMillis", "4000", "lateAnswerMarginMillis", "3000"))
                    .config("org.billinghost.core.jobs", Map.of("workers", "8", "pollMillis", "200",
                            "leaseSeconds", "10", "maxAttempts", "12", "backoffBaseMillis", "100",
                            "backoffMaxMillis", "2000"));
            sandbox.faults(Map.of("endpoint", "license_issue", "count", -1, "probability", 0.25, "lost", true));
            sandbox.faults(Map.of("endpoint", "license_issue", "count", -1, "probability", 0.05, "latency_ms", 2500));
            HostProcess host = options.start();
            List<Long> services = new ArrayList<>();
            long issuedAtKill;
            try {
                ApiClient api = ApiClient.demo(host);
                // the addon activated and its plan products made, as in the other suites: the group is the addon's
                long groupId = JetpackCatalog.installDemo(host, "order").productGroupId();
                long productId = api.call("AddProduct", Map.of("gid", groupId, "name", "Jetpack Backup", "type", "other",
                        "paytype", "free", "module", "jetpack_licensing", "configoption1", TOKEN,
                        "configoption2", "jetpack-backup-daily", "autosetup", "order")).path("pid").asLong();
                List<Long> clients = OrderLoad.addClients(api, "licensing", 10);
                for (int i = 0; i < ORDERS / 2; i++) {
                    services.add(Long.parseLong(api.addOrder(clients.get(i % clients.size()), productId, Map.of())
                            .path("serviceids").asText()));
                }
                // killed while Create jobs are issuing: some answers are in flight, some keys not stored yet
                long deadline = System.nanoTime() + SETTLE.toNanos();
                while (sandbox.stats().path("license_issue_requests").asLong() < ORDERS / 5 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            } finally {
                host.kill();
            }
            issuedAtKill = sandbox.stats().path("license_issue_requests").asLong();
            try (HostProcess restarted = options.start()) {
                ApiClient api = ApiClient.demo(restarted);
                List<Long> clients = OrderLoad.addClients(api, "licensing-after", 10);
                long productId = restartedProduct(api);
                while (services.size() < ORDERS) {
                    services.add(Long.parseLong(api.addOrder(clients.get(services.size() % clients.size()), productId,
                            Map.of()).path("serviceids").asText()));
                }
                Map<Long, Long> active = new ServiceWatch(api).await(services, "Active", SETTLE, Duration.ofMillis(500));
                assertThat(active).hasSize(ORDERS);
            }
            Map<Long, List<String>> keysByService = activeKeys(work.resolve("licensing"));
            Set<String> unrevoked = new HashSet<>();
            for (JsonNode license : sandbox.licenses().path("licenses")) {
                if (!license.path("state").asText().equals("revoked")) {
                    unrevoked.add(license.path("license_key").asText());
                }
            }
            Set<String> owned = new HashSet<>();
            keysByService.values().forEach(owned::addAll);
            long issueCalls = sandbox.stats().path("license_issue_requests").asLong();
            long billed = sandbox.licenseBilling().path("billing").path(0).path("licenses_billed").asLong();
            FIGURES.add("license keys (25% issue answers lost, 5% time-outs, SIGKILL after " + ORDERS / 5
                    + " issue calls)", ORDERS + " orders; " + issuedAtKill + " issue calls at the kill; after the restart "
                    + keysByService.size() + " services with a license, " + unrevoked.size()
                    + " unrevoked licenses at the sandbox, " + (unrevoked.size() - owned.size()) + " orphans; "
                    + issueCalls + " issue calls in all, " + billed + " licenses billed");
            FIGURES.print();
            assertThat(services).allSatisfy(id -> assertThat(keysByService.get(id)).as("service " + id).hasSize(1));
            assertThat(unrevoked).isEqualTo(owned);
            assertThat(billed).as("licenses billed to the partner").isEqualTo(ORDERS);
        }
    }

    /** The license product the killed host created (the database kept it). */
    private static long restartedProduct(ApiClient api) {
        for (JsonNode product : api.call("GetProducts", Map.of("module", "jetpack_licensing")).path("products")
                .path("product")) {
            return product.path("pid").asLong();
        }
        throw new IllegalStateException("the license product is gone after the restart");
    }

    /** The ACTIVE license keys by service, read from the host's H2 database while no host runs. */
    private static Map<Long, List<String>> activeKeys(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/billing") + ";AUTO_SERVER=FALSE";
        Map<Long, List<String>> keys = new HashMap<>();
        try (var c = java.sql.DriverManager.getConnection(url, "", "");
             var rs = c.createStatement().executeQuery(
                     "SELECT service_id, license_key FROM mod_jetpack_licenses WHERE state = 'ACTIVE'")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return keys;
    }
}
