package org.billinghost.httpapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Automation;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Services;
import org.billinghost.api.billing.Upgrades;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Metrics;
import org.billinghost.httpapi.internal.actions.AutomationActions;
import org.billinghost.httpapi.internal.actions.CatalogActions;
import org.billinghost.httpapi.internal.actions.ClientActions;
import org.billinghost.httpapi.internal.actions.CreditActions;
import org.billinghost.httpapi.internal.actions.EmailActions;
import org.billinghost.httpapi.internal.actions.InvoiceActions;
import org.billinghost.httpapi.internal.actions.LogActions;
import org.billinghost.httpapi.internal.actions.ModuleActions;
import org.billinghost.httpapi.internal.actions.ModuleCommandActions;
import org.billinghost.httpapi.internal.actions.OrderActions;
import org.billinghost.httpapi.internal.actions.QueueActions;
import org.billinghost.httpapi.internal.actions.ServiceActions;
import org.billinghost.httpapi.internal.actions.StatsActions;
import org.billinghost.httpapi.internal.actions.SystemActions;
import org.billinghost.httpapi.internal.actions.UpgradeActions;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WHMCS-compatible API at {@code /includes/api.php}: POST, form-encoded, multipart (PHP's curl
 * sends that when given an array) or a JSON object body.
 * Every answer is JSON of the form {@code {"result":"success",...}} or
 * {@code {"result":"error","message":"..."}}, or the same fields in WHMCS's XML for {@code responsetype=xml}.
 */
@Component(service = Servlet.class, configurationPid = ApiSecurityConfiguration.PID)
@Designate(ocd = ApiSecurityConfiguration.class)
@HttpWhiteboardServletPattern(ApiServlet.PATH)
@HttpWhiteboardServletName("billing-http-api")
@HttpWhiteboardServletMultipart(maxFileSize = ApiServlet.MAX_BODY_BYTES, maxRequestSize = ApiServlet.MAX_BODY_BYTES)
public final class ApiServlet extends HttpServlet {

    public static final String PATH = "/includes/api.php";

    private static final long serialVersionUID = 1L;
    /** The framework property of demo mode (as the client area reads it). */
    private static final String DEMO_PROPERTY = "billing.demo";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** Larger JSON and multipart bodies are refused; url-encoded forms are bounded by the HTTP server. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** A 503 (database or disk unavailable) is tried again after this many seconds, as the start-up gate says. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Parameter names that carry credentials: in a URL they would end up in access logs and histories. */
    private static final Set<String> CREDENTIAL_NAMES = Set.of("identifier", "secret", "username", "password",
            "accesskey");

    private final transient ObjectMapper json;
    private final transient ApiDispatcher dispatcher;
    private final transient Metrics metrics;
    /** WHMCS's XML root carries its version; ours is this bundle's. */
    private final String version;

    @Activate
    public ApiServlet(@Reference ApiCredentials credentials, @Reference AuthThrottle throttle, @Reference Admins admins,
                      @Reference Clients clients, @Reference Catalog catalog, @Reference Orders orders,
                      @Reference Invoices invoices, @Reference Services services, @Reference ModuleCommands commands,
                      @Reference ModuleQueue queue, @Reference Modules modules, @Reference ActivityLog activityLog,
                      @Reference Upgrades upgrades, @Reference Automation automation,
                      @Reference CancellationRequests cancellations, @Reference Emails emails,
                      @Reference Metrics metrics, ApiSecurityConfiguration security) {
        this(new ApiBackend(credentials, throttle, admins, clients, catalog, orders, invoices, services, commands,
                queue, modules, activityLog, upgrades, automation, cancellations, emails, metrics));
        modified(security);
    }

    /**
     * A new address restriction applies to the next call. A malformed one closes the API to every address (only the
     * access key, if one is set, still gets in) rather than opening it: the admin meant to restrict it.
     */
    @Modified
    void modified(ApiSecurityConfiguration security) {
        try {
            dispatcher.access(ApiAccess.of(security.allowedIps(), security.accessKeyHash()));
        } catch (IllegalArgumentException e) {
            LOG.error("API security configuration {} refused, so the API refuses every address: {}",
                    ApiSecurityConfiguration.PID, e.getMessage());
            dispatcher.access(ApiAccess.closed(security.accessKeyHash()));
        }
    }

    public ApiServlet(ApiBackend backend) {
        this(backend, ApiJson.mapper());
    }

    private ApiServlet(ApiBackend backend, ObjectMapper json) {
        this(backend, json, actions(backend, json));
    }

    /** With other actions than the API's: tests run failing ones. */
    ApiServlet(ApiBackend backend, ObjectMapper json, ActionTable actions) {
        this.json = json;
        this.dispatcher = new ApiDispatcher(backend, actions);
        this.metrics = backend.metrics();
        this.version = version();
    }

    /** This bundle's version without its qualifier; outside a framework (the tests) "0.0.0". */
    static String version() {
        Bundle bundle = FrameworkUtil.getBundle(ApiServlet.class);
        if (bundle == null) {
            return "0.0.0";
        }
        Version v = bundle.getVersion();
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    static ActionTable actions(ApiBackend b, ObjectMapper json) {
        return actions(b, json, demoMode());
    }

    /** Whether the framework runs in demo mode, where the client area pays with the demo gateway; outside one, no. */
    private static boolean demoMode() {
        Bundle bundle = FrameworkUtil.getBundle(ApiServlet.class);
        return bundle != null && bundle.getBundleContext() != null
                && Boolean.parseBoolean(bundle.getBundleContext().getProperty(DEMO_PROPERTY));
    }

    static ActionTable actions(ApiBackend b, ObjectMapper json, boolean demo) {
        ActionTable table = new ActionTable();
        new ClientActions(b.clients(), b.throttle(), b.emails()).register(table);
        new CatalogActions(b.catalog()).register(table);
        new OrderActions(b.orders(), b.clients(), b.services(), b.emails(), json).register(table);
        new InvoiceActions(b.invoices(), b.orders(), b.clients(), b.emails()).register(table);
        new CreditActions(b.invoices(), b.clients()).register(table);
        new ServiceActions(b.services(), b.clients(), b.catalog(), json).register(table);
        new UpgradeActions(b.upgrades(), b.services()).register(table);
        new ModuleCommandActions(b.commands(), b.services()).register(table);
        new QueueActions(b.queue()).register(table);
        new LogActions(b.activityLog(), b.clients()).register(table);
        new ModuleActions(b.modules()).register(table);
        new AutomationActions(b.automation(), b.cancellations()).register(table);
        new SystemActions(b.catalog(), version(), demo).register(table);
        new EmailActions(b.emails()).register(table);
        new StatsActions(b.orders(), b.invoices()).register(table);
        return table;
    }

    /** Timer of the API calls per action and result (success, error). */
    static final String METRIC = "billing.api.requests";
    /** The largest refused body read to its end before the answer. */
    private static final long MAX_SKIPPED_BYTES = 4L * 1024 * 1024;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        // until the body is read, the query string is all there is to say which form the caller reads
        Shape shape = Shape.of(queryValue(req.getQueryString(), "responsetype"), queryValue(req.getQueryString(), "action"));
        ApiDispatcher.Answer answer;
        byte[] out;
        try {
            if (!"POST".equals(req.getMethod())) {
                // credentials in a URL end up in logs and histories
                resp.setHeader("Allow", "POST");
                answer = ApiDispatcher.error(405, "Use POST: the API takes its parameters in the request body");
            } else {
                ApiRequest request = null;
                try {
                    request = parse(req);
                    shape = Shape.of(request.optString("responsetype").orElse(null),
                            request.optString("action").orElse(null));
                    answer = handle(req, request);
                } catch (ApiError e) {
                    answer = ApiDispatcher.error(e);
                } catch (IOException | RuntimeException e) {
                    if (request != null) {
                        throw e;
                    }
                    // a body the server could not read or decode (bad encoding, too large, connection lost)
                    LOG.debug("API request body unreadable: {}", ApiRequest.printable(e.toString(), 500));
                    answer = ApiDispatcher.error(
                            ApiError.unreadable("The request body could not be read as a form or a JSON object"));
                }
            }
            out = shape.write(json, version, answer);
        } catch (Throwable e) {
            // what the dispatcher did not answer, e.g. an answer that cannot be written: still ours
            answer = dispatcher.unexpected(e, "");
            out = shape.write(json, version, answer);
        }
        resp.setStatus(answer.status());
        resp.setContentType(shape.xml() ? "text/xml;charset=UTF-8" : "application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        if (answer.status() == 503) {
            resp.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (answer.status() == 405 || answer.status() == 413) {
            // these refusals leave the body unread, so the server closes the connection after them: saying so keeps a
            // keep-alive client from sending its next call on a connection that is about to go
            resp.setHeader("Connection", "close");
            skipBody(req);
        }
        // counted before the answer leaves: a caller that has read it can rely on the call being counted
        metrics.record(METRIC, Duration.ofNanos(System.nanoTime() - start), "action",
                dispatcher.metricAction(shape.action()), "result", String.valueOf(answer.body().get("result")));
        // a fixed length: no chunking, and a complete answer even when an early refusal leaves the body unread
        resp.setContentLength(out.length);
        resp.getOutputStream().write(out);
    }

    /**
     * The form of the answer: XML for {@code responsetype=xml} (any case), else JSON, also for a responsetype the
     * dispatcher refuses. {@code action} is the action as sent, which WHMCS's XML repeats.
     */
    private record Shape(boolean xml, String action) {
        static Shape of(String responseType, String action) {
            return new Shape("xml".equalsIgnoreCase(responseType == null ? "" : responseType.trim()),
                    action == null ? "" : ApiRequest.printable(action, 100));
        }

        byte[] write(ObjectMapper json, String version, ApiDispatcher.Answer answer) throws IOException {
            return xml ? ApiXml.write(version, action, answer.body()) : json.writeValueAsBytes(answer.body());
        }
    }

    /**
     * Reads a refused body of at most {@link #MAX_SKIPPED_BYTES} to its end before answering: closing a connection
     * whose client is still sending resets it, and the reset can destroy the answer before the client reads it.
     */
    private static void skipBody(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        if (length > 0 && length <= MAX_SKIPPED_BYTES) {
            try {
                req.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                LOG.debug("Refused API body not skipped: {}", ApiRequest.printable(e.toString(), 500));
            }
        }
    }

    private ApiDispatcher.Answer handle(HttpServletRequest req, ApiRequest request) {
        // refused once the body is read: a body left unread would cost the client its keep-alive connection
        if (credentialsIn(req.getQueryString())) {
            return ApiDispatcher.error(ApiError.forbidden(
                    "Credentials are not accepted in the URL, where they end up in logs: send them in the POST body"));
        }
        return dispatcher.dispatch(request, req.getRemoteAddr());
    }

    /** The first value of {@code name} in a query string, or null; a malformed escape leaves the text as it is. */
    static String queryValue(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String field : query.split("&")) {
            String[] pair = field.split("=", 2);
            if (decode(pair[0]).equalsIgnoreCase(name)) {
                return pair.length < 2 ? "" : decode(pair[1]);
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Whether a query string names a credential parameter ({@code secret}, {@code Secret[]}, {@code %73ecret}…). */
    static boolean credentialsIn(String query) {
        if (query == null) {
            return false;
        }
        for (String field : query.split("&")) {
            String name = decode(field.split("=", 2)[0]);
            int bracket = name.indexOf('[');
            if (CREDENTIAL_NAMES.contains((bracket < 0 ? name : name.substring(0, bracket)).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private ApiRequest parse(HttpServletRequest req) throws IOException {
        String contentType = req.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return ApiRequest.fromJson(readJsonObject(req));
        }
        return ApiRequest.fromForm(req.getParameterMap());
    }

    private Map<String, Object> readJsonObject(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY_BYTES) {
            throw ApiError.tooLarge("The JSON body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiError.tooLarge("The JSON body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            Object value = json.readValue(body, Object.class);
            if (!(value instanceof Map<?, ?>)) {
                throw ApiError.unreadable("The JSON body must be an object of parameters");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        } catch (JsonProcessingException e) {
            throw ApiError.unreadable(ApiJson.problem(e, "The JSON body",
                    "Malformed JSON body: send one JSON object of parameters and nothing after it"));
        }
    }
}
