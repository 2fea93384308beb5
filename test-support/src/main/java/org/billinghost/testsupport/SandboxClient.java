package org.billinghost.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The Partner API sandbox's inspection and fault endpoints ({@code /sandbox/wpcom/_sandbox/...}). */
public final class SandboxClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http = Http.client(null);

    public SandboxClient(String hostBaseUrl) {
        this.base = hostBaseUrl + "sandbox/wpcom/_sandbox/";
    }

    public static SandboxClient of(HostProcess host) {
        return new SandboxClient(host.baseUrl());
    }

    /** {@code token_requests}, {@code provision_requests}, {@code cancel_requests}, {@code status_requests}. */
    public JsonNode stats() {
        return get("stats");
    }

    public JsonNode sites() {
        return get("sites");
    }

    /** The Licensing API's licenses, oldest first, and the calls that took effect ({@code licenses}, {@code calls}). */
    public JsonNode licenses() {
        return get("licenses");
    }

    /** What each licensing partner was billed ({@code billing}: {@code licenses_billed} and more per partner). */
    public JsonNode licenseBilling() {
        return get("licenses/billing");
    }

    /** Installs a fault rule, e.g. {@code {"endpoint":"provision","count":5,"status":503}}. */
    public void faults(Map<String, ?> rule) {
        try {
            post("faults", JSON.writeValueAsString(rule));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void reset() {
        post("reset", "{}");
    }

    private JsonNode get(String path) {
        return parse(sendOnce(Http.request(base + path).GET().build()));
    }

    private void post(String path, String json) {
        parse(sendOnce(Http.request(base + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()));
    }

    /**
     * Sends again once when the connection failed: Jetty closes idle keep-alive connections (30 s),
     * and a request written onto one just being closed reached no servlet.
     */
    private HttpResponse<String> sendOnce(HttpRequest request) {
        try {
            return Http.send(http, request);
        } catch (java.io.UncheckedIOException e) {
            return Http.send(http, request);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("sandbox answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException("sandbox answered no JSON: " + response.body(), e);
        }
    }
}
