package org.billinghost.jetpack.internal.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.billinghost.api.platform.Metrics;
import org.billinghost.api.platform.ModuleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client and JSON mapper of the Partner API. Turns every exchange into a {@link Reply}
 * (never throws) and writes it to the host's module log, secrets scrubbed, when that log is on.
 */
final class PartnerHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerHttp.class);
    static final String MODULE = "jetpack";
    /** The Licensing API's request id header, logged with failures. */
    static final String REQUEST_ID = "X-Jetpack-Request-Id";
    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * Keep-alive connections kept open between calls. OkHttp's default (5) is far below the host's jobs in flight
     * (maxInFlight, 32 by default): under load every call beyond the fifth would open, and TLS-handshake, a new
     * connection. Calls are synchronous ({@code execute()}), which the Dispatcher's maxRequests/maxRequestsPerHost
     * do not limit (they queue {@code enqueue()}d calls only): the job queue's in-flight limits are what bound them.
     */
    static final int IDLE_CONNECTIONS = 64;
    static final String METRIC = "jetpack.partner.calls";

    /** What the client is made from; the client itself is made at the first call (see {@link #http()}). */
    private final OkHttpClient.Builder builder;
    private volatile OkHttpClient http;
    // trailing tokens: "true garbage" is not JSON
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Supplier<ModuleLog> moduleLog;
    /** The module name the module log files the calls under. */
    private final String module;
    private final Supplier<Metrics> metrics;

    /** {@code moduleLog} and {@code metrics} answer null while the host offers none. */
    PartnerHttp(ClientSettings settings, Supplier<ModuleLog> moduleLog, Supplier<Metrics> metrics) {
        this(settings, moduleLog, metrics, MODULE, true);
    }

    /**
     * {@code resend}: whether OkHttp may send a request again by itself after a dropped connection. The Licensing
     * API needs false: {@code POST /license} sent twice issues (and bills) two licenses.
     */
    PartnerHttp(ClientSettings settings, Supplier<ModuleLog> moduleLog, Supplier<Metrics> metrics, String module,
                boolean resend) {
        this.builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // a redirect means a wrong base URL; following it would turn a POST into a GET
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(resend)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES));
        this.moduleLog = moduleLog;
        this.module = module;
        this.metrics = metrics;
    }

    /** POSTs form fields; {@code bearer} null for the token call; {@code secrets} are scrubbed from the module log. */
    Reply post(String action, HttpUrl url, String bearer, Map<String, String> fields, Collection<String> secrets) {
        FormBody.Builder form = new FormBody.Builder();
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> {
            form.add(name, value);
            text.append(text.isEmpty() ? "" : "&").append(name).append('=').append(value);
        });
        return exchange(action, request(url, bearer).post(form.build()).build(), "POST", text.toString(), secrets);
    }

    Reply get(String action, HttpUrl url, String bearer, Collection<String> secrets) {
        return exchange(action, request(url, bearer).get().build(), "GET", "", secrets);
    }

    /** Sends {@code method} (POST, DELETE...) with a JSON body, or none when {@code json} is null. */
    Reply send(String action, String method, HttpUrl url, String bearer, String json, Collection<String> secrets) {
        // OkHttp wants a body on POST, and none on GET
        RequestBody body = json != null ? RequestBody.create(json, JSON)
                : method.equals("POST") ? RequestBody.create(new byte[0]) : null;
        return exchange(action, request(url, bearer).method(method, body).build(), method, json == null ? "" : json, secrets);
    }

    private static Request.Builder request(HttpUrl url, String bearer) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Reply exchange(String action, Request request, String method, String formText, Collection<String> secrets) {
        Reply reply;
        long start = System.nanoTime();
        try (Response response = http().newCall(request).execute()) {
            String body = response.body().string();
            reply = Reply.answer(response.code(), body, parse(body), retryAfter(response.header("Retry-After")),
                    response.header("Content-Type", ""), response.header(REQUEST_ID, ""));
        } catch (InterruptedIOException e) {
            // SocketTimeoutException (connect/read) and OkHttp's call time-out both land here
            reply = Reply.trouble(Reply.Trouble.TIMEOUT, describe(e));
        } catch (UnknownHostException e) {
            reply = Reply.trouble(Reply.Trouble.CONNECTION, "unknown host " + e.getMessage());
        } catch (IOException e) {
            reply = Reply.trouble(Reply.Trouble.CONNECTION, describe(e));
        }
        if (!reply.answered()) {
            LOG.warn("Jetpack Partner API call failed action={} url={} trouble={} detail={}", action,
                    request.url().redact(), reply.trouble(), reply.detail());
        } else if (reply.status() >= 400) {
            LOG.info("Jetpack Partner API answered action={} url={} status={} requestId={}", action, request.url().redact(),
                    reply.status(), reply.requestId());
        }
        count(action, reply, Duration.ofNanos(System.nanoTime() - start));
        record(action, request, method, formText, reply, secrets);
        return reply;
    }

    /** Times the call per endpoint (the action name) and HTTP status, or the trouble when nothing answered. */
    private void count(String action, Reply reply, Duration duration) {
        Metrics sink = metrics.get();
        if (sink != null) {
            sink.record(METRIC, duration, "endpoint", action, "status",
                    reply.answered() ? String.valueOf(reply.status()) : reply.trouble().name().toLowerCase(Locale.ROOT));
        }
    }

    private JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void record(String action, Request request, String method, String formText, Reply reply,
                        Collection<String> secrets) {
        ModuleLog log = moduleLog.get();
        if (log == null) {
            return;
        }
        try {
            if (!log.isEnabled()) {
                return;
            }
            List<String> scrub = new ArrayList<>();
            secrets.stream().filter(s -> s != null && !s.isEmpty()).forEach(scrub::add);
            String issuedToken = reply.text("access_token");
            if (!issuedToken.isEmpty()) {
                scrub.add(issuedToken);
            }
            String requestText = method + " " + request.url() + "\n" + request.headers() + (formText.isEmpty() ? "" : "\n" + formText);
            String responseText = reply.answered() ? "HTTP " + reply.status()
                    + (reply.requestId().isEmpty() ? "" : "\n" + REQUEST_ID + ": " + reply.requestId()) + "\n" + reply.body()
                    : reply.trouble() + ": " + reply.detail();
            String processed = reply.json() == null ? "" : reply.json().toPrettyString();
            log.log(module, action, requestText, responseText, processed, scrub);
        } catch (RuntimeException e) {
            // the module log is a debugging aid: its trouble must not fail the call
            LOG.warn("Could not write the Jetpack module log action={}: {}", action, e.toString());
        }
    }

    /**
     * The client, made at the first call rather than when the module starts: making one loads the JVM's trusted
     * certificates and TLS context, tens of milliseconds on the host's start path.
     */
    private OkHttpClient http() {
        OkHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = builder.build();
                    http = client;
                }
            }
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
