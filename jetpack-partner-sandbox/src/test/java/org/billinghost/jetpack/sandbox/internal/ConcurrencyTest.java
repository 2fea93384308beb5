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

/** 32 clients at once: every call is counted exactly, per endpoint and per site. */
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
