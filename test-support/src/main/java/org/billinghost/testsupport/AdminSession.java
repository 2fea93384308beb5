package org.billinghost.testsupport;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in admin of the host's admin area, filling forms with the session's CSRF token. */
public final class AdminSession {
    private static final Pattern TOKEN = Pattern.compile("name=\"token\"\\s+value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http = Http.client(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    private String token;

    private AdminSession(String base) {
        this.base = base;
    }

    /** Logs in at {@code /admin/login}; fails when the login is refused. */
    public static AdminSession login(HostProcess host, String username, String password) {
        AdminSession session = new AdminSession(host.baseUrl());
        session.get("admin/login");
        HttpResponse<String> answer = session.post("admin/login", Map.of("username", username, "password", password));
        if (answer.statusCode() != 303 && answer.statusCode() != 302) {
            throw new IllegalStateException("admin login refused (HTTP " + answer.statusCode() + ")");
        }
        return session;
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
        if (token != null) {
            form.putIfAbsent("token", token);
        }
        return Http.postForm(http, base + path, form);
    }
}
