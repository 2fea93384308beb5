package org.billinghost.testsupport;

import java.net.http.HttpResponse;
import java.util.Map;

/** A logged-in admin of the host's admin area, filling forms with the session's CSRF token. */
public final class AdminSession {
    private final BrowserSession browser;

    private AdminSession(BrowserSession browser) {
        this.browser = browser;
    }

    /** Logs in at {@code /admin/login}; fails when the login is refused. */
    public static AdminSession login(HostProcess host, String username, String password) {
        return new AdminSession(BrowserSession.open(host).logIn("admin/login",
                Map.of("username", username, "password", password)));
    }

    /** GET a page (path without the leading slash); remembers the page's CSRF token. */
    public HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    /** POST a form with the last seen CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return browser.post(path, fields);
    }
}
