package org.billinghost.web.internal;

import freemarker.template.TemplateScalarModel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.platform.Actor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One request to a page: its parameters, its session, and the ways to answer (render, redirect). */
public final class Exchange {
    /** The hidden form field carrying the session's CSRF token. */
    public static final String TOKEN = "token";
    private static final String SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Area area;
    private final SessionStore sessions;
    private final TrustedProxies proxies;
    private final Templates templates;
    private final String path;
    private final Map<String, Object> shared = new HashMap<>();
    /** Null until the visitor has one: made only when a page needs it (a form's token, a login). */
    private WebSession session;
    private AdminAccount admin;
    private Client client;
    /** The admin who opened the client area as {@link #client} ("Login as Client"), or null. */
    private AdminAccount impersonator;

    /** The exchange of a request of {@code area}, kept with the request for the filters and the page after. */
    Exchange(HttpServletRequest request, HttpServletResponse response, Area area, String path) {
        this.request = request;
        this.response = response;
        this.area = area;
        this.sessions = area.sessions();
        this.proxies = area.proxies();
        this.templates = area.templates();
        this.path = path;
        request.setAttribute(Exchange.class.getName(), this);
    }

    /** The exchange {@link SessionFilter} made for this request. */
    static Exchange of(HttpServletRequest request) {
        return (Exchange) request.getAttribute(Exchange.class.getName());
    }

    Area area() {
        return area;
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    /** The session found or made so far, or null (reading it makes none). */
    WebSession existingSession() {
        return session;
    }

    void header(String name, String value) {
        response.setHeader(name, value);
    }

    /** Finds the request's session: inside the area's failure handling, as it may read the database. */
    void findSession() {
        session = sessions.find(request);
    }

    /** A model map; unlike {@code Map.of} it accepts null values (templates test them with {@code ??}). */
    public static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }

    public String path() {
        return path;
    }

    /** The path with its query string, e.g. to come back to it after logging in. */
    public String pathWithQuery() {
        String query = request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    public boolean isPost() {
        return "POST".equals(request.getMethod());
    }

    /** The first value of a parameter, or an empty string. */
    public String param(String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }

    public List<String> params(String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? List.of() : List.of(v);
    }

    /** A positive number parameter (an id, a page), or 0 when it is missing or not a number. */
    public long number(String name) {
        try {
            long n = Long.parseLong(param(name).trim());
            return Math.max(n, 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A parameter that must not be blank, trimmed. */
    public String required(String name, String label) {
        String v = param(name).trim();
        if (v.isEmpty()) {
            throw PageException.badRequest(label + " is required.");
        }
        return v;
    }

    /** Whether a checkbox was ticked (an unticked box is not sent at all). */
    public boolean ticked(String name) {
        return !param(name).isEmpty();
    }

    /** The query and form parameters, without the CSRF token. */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!TOKEN.equals(k)) {
                out.put(k, new ArrayList<>(Arrays.asList(v)));
            }
        });
        return out;
    }

    /** The visitor's address (behind a trusted proxy, the one the proxy names). */
    public String remoteAddress() {
        return proxies.clientAddress(request);
    }

    /** Where links sent by e-mail point, e.g. {@code https://billing.example.com} (no trailing slash). */
    public String publicAddress() {
        return proxies.publicAddress(request);
    }

    /** The visitor's session, made now (with its cookie) if there is none yet: for what must be kept. */
    public WebSession session() {
        if (session == null) {
            session = sessions.create(request, response, remoteAddress());
        }
        return session;
    }

    /** The admin logged in in this session, or 0 (reading it makes no session). */
    public long sessionAdminId() {
        return session == null ? 0 : session.adminId();
    }

    /** The client logged in in this session, or 0 (reading it makes no session). */
    public long sessionClientId() {
        return session == null ? 0 : session.clientId();
    }

    /** Whether the form's token is this session's: a POST without a session has none to match. */
    boolean tokenMatches() {
        return session != null && session.csrfMatches(request.getParameter(TOKEN));
    }

    /** Logs the account in: a new session, stored so that a restart or another host keeps it. */
    public void logIn(long accountId) {
        session = sessions.logIn(session, accountId, request, response);
    }

    /** Ends the sessions of this area's account {@code accountId} on every host, except this request's own. */
    public void endOtherSessionsOf(long accountId) {
        sessions.endOtherSessions(accountId, session);
    }

    public void endSession() {
        if (session != null) {
            sessions.invalidate(session);
            session = null;
        }
    }

    public void flash(Notice notice) {
        sessions.flash(session(), notice);
    }

    /**
     * Runs a form's action, keeps its answer (or the refusal's message: nothing was changed) for the
     * next page, and redirects there (POST, redirect, GET).
     */
    public void actThenRedirect(String location, Supplier<String> action) throws IOException {
        try {
            flash(Notice.ok(action.get()));
        } catch (BillingException | PageException e) {
            flash(Notice.error(e.getMessage()));
        }
        redirect(location);
    }

    public AdminAccount admin() {
        return admin;
    }

    public void admin(AdminAccount admin) {
        this.admin = admin;
        shared.put("admin", admin);
    }

    public Client client() {
        return client;
    }

    public void client(Client client) {
        this.client = client;
        shared.put("client", client);
    }

    /** The admin working in the client area as {@link #client()}, or null. */
    public AdminAccount impersonator() {
        return impersonator;
    }

    void impersonator(AdminAccount admin) {
        this.impersonator = admin;
        shared.put("impersonator", admin);
    }

    /**
     * Who is acting in this request: the logged-in admin or client, else a visitor; with the visitor's address. An
     * admin logged in as a client acts as the admin: the activity log tells who really did it.
     */
    public Actor actor() {
        AdminAccount acting = admin != null ? admin : impersonator;
        if (acting != null) {
            return Actor.admin(acting.id(), acting.username(), remoteAddress());
        }
        if (client != null) {
            return Actor.client(client.id(), client.firstName() + " " + client.lastName(), remoteAddress());
        }
        return Actor.visitor(remoteAddress());
    }

    /** A value every template of this request sees (the admin menu, the area). */
    public void share(String key, Object value) {
        shared.put(key, value);
    }

    /**
     * The headers every answer carries, errors and redirects included: no caching of pages that
     * may show private data, no MIME sniffing, no scripts, and no framing (clickjacking).
     */
    void securityHeaders() {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** 303 to a path inside this host (never elsewhere: an open redirect would help phishing). */
    public void redirect(String location) throws IOException {
        response.setStatus(303);
        response.setHeader("Location", isLocalPath(location) ? location : "/");
    }

    public static boolean isLocalPath(String location) {
        return location != null && location.startsWith("/") && !location.startsWith("//")
                && !location.startsWith("/\\") && location.chars().noneMatch(c -> c < 0x20);
    }

    void plainText(int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public void render(String template, Map<String, Object> model) throws IOException {
        render(200, template, model);
    }

    public void render(int status, String template, Map<String, Object> model) throws IOException {
        Map<String, Object> all = new HashMap<>(shared);
        all.putAll(model);
        // asked for only by a template that shows a form, so a page without one makes no session
        all.put("token", (TemplateScalarModel) () -> session().csrfToken());
        all.put("fmt", new Formats());
        all.put("path", path);
        all.putIfAbsent("flash", session == null ? null : sessions.takeFlash(session));
        byte[] body = templates.render(template, all).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
