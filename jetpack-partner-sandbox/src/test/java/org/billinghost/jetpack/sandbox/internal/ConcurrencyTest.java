package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 32 clients at once: every call is counted exactly, per endpoint, per site and per license. */
class ConcurrencyTest extends SandboxTestSupport {

    private static final int CLIENTS = 32;
    private static final int CALLS_PER_CLIENT = 20;
    private static final int SITES = 8;


    @Test
    void parallelProvisionsAreCountedExactly() throws Exception {

        List<Integer> codes = runClients(client -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < CALLS_PER_CLIENT; i++) {
                mine.add(sandbox.provision(token, "site" + ((client + i) % SITES) + ".example", "premium").code());
            }
            return mine;
        });

        assertThat(codes).hasSize(CLIENTS * CALLS_PER_CLIENT).containsOnly(200);
        assertThat(sandbox.stats().get("provision_requests").asInt()).isEqualTo(CLIENTS * CALLS_PER_CLIENT);
        JsonNode sites = sandbox.get("/_sandbox/sites", null).json().get("sites");
        assertThat(sites).hasSize(SITES);
        assertThat(sites).allSatisfy(site ->
                assertThat(site.get("provision_count").asInt()).isEqualTo(CLIENTS * CALLS_PER_CLIENT / SITES));
        assertThat(sites.findValues("blog_id")).extracting(JsonNode::asLong).doesNotHaveDuplicates();
    }

    @Test
    void aCountedFaultHitsExactlyThatManyParallelCalls() throws Exception {
        sandbox.addFault("{\"endpoint\":\"provision\",\"count\":100,\"status\":503}");

        List<Integer> codes = runClients(client -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < CALLS_PER_CLIENT; i++) {
                mine.add(sandbox.provision(token, "site" + client + "-" + i + ".example", "free").code());
            }
            return mine;
        });

        assertThat(codes.stream().filter(code -> code == 503)).hasSize(100);
        assertThat(codes.stream().filter(code -> code == 200)).hasSize(CLIENTS * CALLS_PER_CLIENT - 100);
        assertThat(sandbox.get("/_sandbox/sites", null).json().get("sites")).hasSize(CLIENTS * CALLS_PER_CLIENT - 100);
    }

    @Test
    void parallelIssuesEachCreateAndBillOneLicense() throws Exception {
        int issuesPerClient = 10;

        List<Integer> codes = runClients(client -> {
            List<Integer> mine = new ArrayList<>();
            for (int i = 0; i < issuesPerClient; i++) {
                SandboxHarness.Reply issued = sandbox.licensing("POST", "/license?product=jetpack-scan",
                        SandboxHarness.LICENSING_TOKEN, null);
                mine.add(issued.code());
                String key = issued.json().get("license_key").asText();
                if (i % 2 == 0) {
                    mine.add(sandbox.revoke(SandboxHarness.LICENSING_TOKEN, key).code());
                }
            }
            return mine;
        });

        int issues = CLIENTS * issuesPerClient;
        assertThat(codes).hasSize(issues + issues / 2).containsOnly(200);
        JsonNode inspection = sandbox.get("/_sandbox/licenses", null).json();
        assertThat(inspection.get("licenses").findValuesAsText("license_key")).hasSize(issues).doesNotHaveDuplicates();
        assertThat(inspection.get("licenses").findValues("license_id")).extracting(JsonNode::asLong).doesNotHaveDuplicates();
        assertThat(inspection.get("calls").get("issue").asInt()).isEqualTo(issues);
        assertThat(inspection.get("calls").get("revoke").asInt()).isEqualTo(issues / 2);
        assertThat(sandbox.get("/_sandbox/licenses/billing", null).json().get("billing").get(0).get("licenses_billed").asInt())
                .isEqualTo(issues);
        JsonNode counts = sandbox.licensing("GET", "/licenses/counts", SandboxHarness.LICENSING_TOKEN, null).json();
        assertThat(counts.get("revoked").asInt()).isEqualTo(issues / 2);
        assertThat(counts.get("not_revoked").asInt()).isEqualTo(issues / 2);
    }

    private interface ClientWork {
        List<Integer> run(int client) throws Exception;
    }

    private static List<Integer> runClients(ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                futures.add(pool.submit((Callable<List<Integer>>) () -> work.run(id)));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
