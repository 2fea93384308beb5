package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The sandbox servlet in embedded Jetty 12 (ee10, the engine inside Felix HTTP) on a free port, with an OkHttp
 * client. A filter wraps request and response the way the servlet whiteboard does.
 */
final class SandboxHarness implements AutoCloseable {

    static final String PARTNER = "1001";
    static final String SECRET = "demo-partner-secret";
    static final String OTHER_PARTNER = "2002";
    static final String OTHER_SECRET = "other-partner-secret";
    static final String[] PARTNERS = {PARTNER + ":" + SECRET, OTHER_PARTNER + ":" + OTHER_SECRET};
    /** Licensing API partners: one that may attach, one that may not, one that may buy two products only. */
    static final String LICENSING_TOKEN = "demo-licensing-token";
    static final String NO_ATTACH_TOKEN = "no-attach-token";
    static final String SCAN_ONLY_TOKEN = "scan-only-token";
    static final String LICENSING_BASE = "/wpcom/v2/jetpack-licensing";
    static final String[] LICENSING_PARTNERS = {PARTNER + ":" + LICENSING_TOKEN + ":attach",
        OTHER_PARTNER + ":" + NO_ATTACH_TOKEN + ":noattach", "3003:" + SCAN_ONLY_TOKEN + ":attach:jetpack-scan,jetpack-anti-spam"};

    /** An answer read completely. */
    record Reply(int code, String body, Headers headers) {
        JsonNode json() {
            try {
                return ApiAnswer.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /**
     * Wraps like Felix HTTP's whiteboard does, so the servlet never sees Jetty's own objects; like Felix's
     * response wrapper, {@code sendError} sets the status before passing the call on.
     */
    public static final class WhiteboardLikeWrapping implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request),
                    new HttpServletResponseWrapper((HttpServletResponse) response) {
                        @Override
                        public void sendError(int code) throws IOException {
                            sendError(code, null);
                        }

                        @Override
                        public void sendError(int code, String message) throws IOException {
                            resetBuffer();
                            setStatus(code);
                            super.sendError(code, message);
                        }
                    });
        }
    }

    private final Server server = new Server();
    private final OkHttpClient http;
    private final String base;

    SandboxHarness(SandboxServlet servlet) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.getRegistration().setMultipartConfig(new MultipartConfigElement(
                "", SandboxServlet.MAX_BODY_BYTES, SandboxServlet.MAX_BODY_BYTES, 0));
        context.addServlet(holder, SandboxServlet.PATTERN);
        context.addFilter(new FilterHolder(new WhiteboardLikeWrapping()), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/sandbox/wpcom";
        http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
    }

    /** Two partners, tokens that never expire, real randomness, the defaults of the configuration. */
    static SandboxHarness start() throws Exception {
        return start(ErrorShape.ERROR_CODE, false);
    }

    static SandboxHarness start(ErrorShape errors, boolean nestedStatus) throws Exception {
        return start(errors, nestedStatus, Clock.systemUTC());
    }

    static SandboxHarness start(ErrorShape errors, boolean nestedStatus, Clock clock) throws Exception {
        return new SandboxHarness(new SandboxServlet(Partners.parse(PARTNERS), Duration.ZERO, clock,
                () -> ThreadLocalRandom.current().nextDouble(), errors, nestedStatus, LICENSING_PARTNERS));
    }

    String base() {
        return base;
    }

    OkHttpClient http() {
        return http;
    }

    /** A client with no pooled connection, so a dropped call is not silently retried on a fresh one. */
    OkHttpClient freshClient() {
        return http.newBuilder().connectionPool(new okhttp3.ConnectionPool()).build();
    }

    Reply get(String path, String token) {
        return call(request(path, token).get().build());
    }

    Reply post(String path, Map<String, String> form, String token) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        return call(request(path, token).post(body.build()).build());
    }

    Reply postMultipart(String path, Map<String, String> form, String token) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        form.forEach(body::addFormDataPart);
        return call(request(path, token).post(body.build()).build());
    }

    Reply postJson(String path, String json) {
        return call(request(path, null).post(RequestBody.create(json, MediaType.get("application/json"))).build());
    }

    Reply delete(String path) {
        return call(request(path, null).delete().build());
    }

    Request.Builder request(String path, String token) {
        Request.Builder request = new Request.Builder().url(base + path);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    Reply call(Request request) {
        return call(http, request);
    }

    static Reply call(OkHttpClient client, Request request) {
        try (Response response = client.newCall(request).execute()) {
            return new Reply(response.code(), response.body().string(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(String partner, String secret) {
        Reply reply = post("/oauth2/token", tokenForm(partner, secret), null);
        if (reply.code() != 200) {
            throw new IllegalStateException("token refused: " + reply.body());
        }
        return reply.json().get("access_token").asText();
    }

    String token() {
        return token(PARTNER, SECRET);
    }

    static Map<String, String> tokenForm(String partner, String secret) {
        return Map.of("client_id", partner, "client_secret", secret,
                "grant_type", "client_credentials", "scope", "jetpack-partner");
    }

    static Map<String, String> provisionForm(String siteurl, String plan) {
        return Map.of("siteurl", siteurl, "plan", plan, "local_user", "admin", "force_register", "true");
    }

    Reply provision(String token, String siteurl, String plan) {
        return post("/rest/v1.3/jpphp/provision", provisionForm(siteurl, plan), token);
    }

    Reply cancel(String token, String site, Map<String, String> form) {
        return post("/rest/v1.3/jpphp/" + site + "/partner-cancel", form, token);
    }

    Reply status(String token, String site) {
        return get("/rest/v1.3/jpphp/" + site + "/status", token);
    }

    /** A Licensing API call; {@code json} (may be null) is sent as the body with an application/json type. */
    Reply licensing(String method, String path, String token, String json) {
        RequestBody body = json == null ? ("GET".equals(method) || "DELETE".equals(method) ? null : RequestBody.create(new byte[0]))
                : RequestBody.create(json, MediaType.get("application/json"));
        return call(request(LICENSING_BASE + path, token).method(method, body).build());
    }

    /** Issues a license with the query form of {@code POST /license}; answers its key. */
    String issue(String token, String product) {
        Reply reply = licensing("POST", "/license?product=" + product, token, null);
        if (reply.code() != 200) {
            throw new IllegalStateException("issue refused: " + reply.body());
        }
        return reply.json().get("license_key").asText();
    }

    Reply revoke(String token, String key) {
        return licensing("DELETE", "/license?license_key=" + key, token, null);
    }

    Reply attach(String token, String key, String site) {
        return licensing("POST", "/license/" + key + "/site", token, "{\"site\":\"" + site + "\"}");
    }

    Reply addFault(String json) {
        Reply reply = postJson("/_sandbox/faults", json);
        if (reply.code() != 200) {
            throw new IllegalStateException("fault refused: " + reply.body());
        }
        return reply;
    }

    JsonNode stats() {
        return get("/_sandbox/stats", null).json();
    }

    JsonNode site(String identifier) {
        return get("/_sandbox/sites/" + identifier, null).json();
    }

    void reset() {
        Reply reply = postJson("/_sandbox/reset", "");
        if (reply.code() != 200) {
            throw new IllegalStateException("reset refused: " + reply.body());
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
