package org.billinghost.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The physical limit of checkout-to-provisioned: provision calls sent straight to the sandbox with
 * the HTTP client the Jetpack module uses (OkHttp), at the same concurrency, with one token.
 */
final class LimitBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final int concurrency;
    private final OkHttpClient http;

    LimitBench(String sandboxBase, int concurrency) {
        this.base = sandboxBase;
        this.concurrency = concurrency;
        this.http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    double callsPerSecond(int calls) throws Exception {
        String token = token();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                        provision(token, "limit-" + i + "-" + start + ".example.com");
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        return calls / ((System.nanoTime() - start) / 1e9);
    }

    private String token() throws IOException {
        Request request = new Request.Builder().url(base + "/oauth2/token").post(new FormBody.Builder()
                .add("client_id", "1001").add("client_secret", "demo-partner-secret")
                .add("grant_type", "client_credentials").add("scope", "jetpack-partner").build()).build();
        try (Response response = http.newCall(request).execute()) {
            return JSON.readTree(response.body().string()).path("access_token").asText();
        }
    }

    private void provision(String token, String site) throws IOException {
        Request request = new Request.Builder().url(base + "/rest/v1.3/jpphp/provision")
                .header("Authorization", "Bearer " + token)
                .post(new FormBody.Builder().add("plan", "personal").add("siteurl", site).add("local_user", "admin")
                        .add("force_register", "true").build()).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("sandbox answered " + response.code() + " to a provision call");
            }
            response.body().string();
        }
    }
}
