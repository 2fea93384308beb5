package org.billinghost.testsupport;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser on the host's pages: its cookies, and the CSRF token of the last form it was shown,
 * which it sends with every POST. Thread-safe, so one session can send many requests at once.
 */
public final class BrowserSession {
    private static final Pattern TOKEN = Pattern.compile("name=\"token\"\\s+value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http = Http.client(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    private volatile String token;

    private BrowserSession(String base) {
        this.base = base;
    }

    /** A browser that has not been to the host yet. */
    public static BrowserSession open(HostProcess host) {
        return new BrowserSession(host.baseUrl());
    }

    /**
     * Registers a customer through {@code /register}, as a visitor does; the session is then logged
     * in as that customer. Fails when the registration is refused.
     */
    public static BrowserSession registerClient(HostProcess host, String email, String password) {
        BrowserSession session = open(host);
        session.get("register");
        Map<String, String> form = new LinkedHashMap<>(Map.of("firstname", "Self", "lastname", "Registered",
                "email", email, "address1", "1 Main Street", "city", "Springfield", "state", "State",
                "postcode", "12345", "country", "US", "phonenumber", "5550100"));
        form.put("password", password);
        form.put("password2", password);
        session.expectRedirect(session.post("register", form), "registration");
        return session;
    }

    /** Logs in at {@code path} (e.g. {@code admin/login}) with the form's fields; fails when the login is refused. */
    BrowserSession logIn(String path, Map<String, String> fields) {
        get(path);
        expectRedirect(post(path, fields), "login at /" + path);
        return this;
    }

    private void expectRedirect(HttpResponse<String> answer, String what) {
        if (answer.statusCode() != 303 && answer.statusCode() != 302) {
            throw new IllegalStateException(what + " refused (HTTP " + answer.statusCode() + ")");
        }
    }

    /** GET a page (path without the leading slash); remembers the page's CSRF token. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = Http.send(http, Http.request(base + path).GET().build());
        Matcher m = TOKEN.matcher(response.body());
        if (m.find()) {
            token = m.group(1);
        }
        return response;
    }

    /** POST a form with the last seen CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        String t = token;
        if (t != null) {
            form.putIfAbsent("token", t);
        }
        return Http.postForm(http, base + path, form);
    }

    /**
     * POST a body sent exactly as given (e.g. a malformed form) as {@code application/x-www-form-urlencoded},
     * after the last seen CSRF token.
     */
    public HttpResponse<String> postRaw(String path, String body) {
        String t = token;
        String withToken = (t == null ? "" : "token=" + Http.encode(t) + "&") + body;
        return Http.send(http, Http.request(base + path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(withToken)).build());
    }
}
