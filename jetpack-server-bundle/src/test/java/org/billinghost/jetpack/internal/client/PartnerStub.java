package org.billinghost.jetpack.internal.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted Partner API for MockWebServer: answers by endpoint (token, provision,
 * partner-cancel, status), from a queue of scripted answers first, else with a plain success.
 * Each default token is new ({@code token-1}, {@code token-2}, ...).
 */
public final class PartnerStub extends Dispatcher {
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile long tokenDelayMillis;
    private volatile CyclicBarrier provisionsTogether;

    /** Queues answers for an endpoint: {@code token}, {@code provision}, {@code partner-cancel}, {@code status}. */
    public PartnerStub on(String endpoint, MockResponse... responses) {
        Deque<MockResponse> queue = scripted.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(responses));
        }
        return this;
    }

    /** Makes each default token answer wait, so concurrent callers overlap. */
    public PartnerStub tokenDelay(long millis) {
        this.tokenDelayMillis = millis;
        return this;
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** Holds each provision request until {@code parties} of them are in the server at once. */
    public PartnerStub provisionsTogether(int parties) {
        this.provisionsTogether = new CyclicBarrier(parties);
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        requests.add(request);
        String endpoint = endpoint(request);
        CyclicBarrier together = provisionsTogether;
        if (together != null && endpoint.equals("provision")) {
            try {
                together.await(20, TimeUnit.SECONDS);
            } catch (BrokenBarrierException | TimeoutException e) {
                return json(500, "{\"error\":\"not_together\",\"message\":\"the provisions did not overlap\"}");
            }
        }
        Deque<MockResponse> queue = scripted.get(endpoint);
        if (queue != null) {
            synchronized (queue) {
                if (!queue.isEmpty()) {
                    return queue.poll();
                }
            }
        }
        return switch (endpoint) {
            case "token" -> new MockResponse.Builder(json(200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                    + "\",\"token_type\":\"bearer\",\"blog_id\":0,\"blog_url\":0,\"scope\":\"jetpack-partner\"}"))
                    .headersDelay(tokenDelayMillis, TimeUnit.MILLISECONDS).build();
            case "provision" -> json(200, "{\"success\":true,\"auth_required\":true,\"next_url\":\"https://jetpack.example/connect?site=1\"}");
            case "partner-cancel" -> json(200, "{\"success\":true}");
            case "status" -> json(200, "{\"plan\":\"\",\"is_partner_plan\":false,\"is_provisioned_by_calling_partner\":false,"
                    + "\"is_connected\":false,\"has_pending_plan\":false,\"products\":[]}");
            default -> json(404, "{\"error\":\"unknown_endpoint\",\"message\":\"no such endpoint\"}");
        };
    }

    public List<RecordedRequest> requests(String endpoint) {
        return requests.stream().filter(r -> endpoint(r).equals(endpoint)).toList();
    }

    public int count(String endpoint) {
        return requests(endpoint).size();
    }

    public static String endpoint(RecordedRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        return segments.get(segments.size() - 1);
    }

    /** The form fields of a recorded POST, decoded. */
    public static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return fields;
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
