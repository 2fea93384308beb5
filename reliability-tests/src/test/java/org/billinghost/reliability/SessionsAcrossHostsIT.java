package org.billinghost.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.testsupport.ExternalDatabase;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin sessions live in the database (issue 12): a logged-in admin stays logged in across a restart
 * of the host, a second host on the same PostgreSQL database accepts the same cookie and the form token
 * that goes with it, and a logout on one host ends the session on the other.
 */
class SessionsAcrossHostsIT {
    private static final Pattern SESSION_COOKIE = Pattern.compile("BHADMIN=([^;]+)");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\"\\s+value=\"([^\"]+)\"");

    @TempDir
    Path work;

    private final HttpClient http = Http.client(null);

    @Test
    void anAdminStaysLoggedInAcrossARestartAndOnASecondHost() throws Exception {
        ExternalDatabase db = ExternalDatabase.open(ExternalDatabase.Kind.POSTGRESQL);
        // with CI=true open() fails instead of answering null
        Assumptions.assumeTrue(db != null, "PostgreSQL server absent");
        try (db) {
            HostProcess.Options optionsA = HostProcess.options(work.resolve("a")).demo()
                    .database(db.url(), db.user(), "");
            String cookie;
            try (HostProcess a = optionsA.start()) {
                cookie = logIn(a);
                assertThat(dashboard(a, cookie).statusCode()).isEqualTo(200);
                assertThat(a.stop()).as("exit status after SIGTERM").isZero();
            }
            try (HostProcess a = optionsA.start();
                 HostProcess b = HostProcess.options(work.resolve("b")).demo()
                         .database(db.url(), db.user(), "").start()) {
                assertThat(dashboard(a, cookie).statusCode()).as("after the restart").isEqualTo(200);
                HttpResponse<String> onB = dashboard(b, cookie);
                assertThat(onB.statusCode()).as("on the second host").isEqualTo(200);
                assertThat(onB.body()).contains("Log out");

                HttpResponse<String> logoutForm = get(b, "admin/logout", cookie);
                HttpResponse<String> logout = post(b, "admin/logout", cookie, Map.of("token", token(logoutForm)));
                assertThat(logout.headers().firstValue("Location")).hasValue("/admin/login");
                HttpResponse<String> afterLogout = dashboard(a, cookie);
                assertThat(afterLogout.statusCode()).as("on the first host after logging out on the second")
                        .isEqualTo(303);
                assertThat(afterLogout.headers().firstValue("Location")).hasValue("/admin/login");
            }
        }
    }

    /** Logs in as the demo admin; answers the session cookie's value. */
    private String logIn(HostProcess host) {
        HttpResponse<String> form = get(host, "admin/login", null);
        String anonymous = cookie(form);
        HttpResponse<String> login = post(host, "admin/login", anonymous,
                Map.of("username", "admin", "password", "admin", "token", token(form)));
        assertThat(login.statusCode()).as("login").isEqualTo(303);
        return cookie(login);
    }

    private HttpResponse<String> dashboard(HostProcess host, String cookie) {
        return get(host, "admin/", cookie);
    }

    private HttpResponse<String> get(HostProcess host, String path, String cookie) {
        HttpRequest.Builder request = Http.request(host.baseUrl() + path).GET();
        if (cookie != null) {
            request.header("Cookie", "BHADMIN=" + cookie);
        }
        return Http.send(http, request.build());
    }

    private HttpResponse<String> post(HostProcess host, String path, String cookie, Map<String, String> fields) {
        return Http.send(http, Http.request(host.baseUrl() + path).header("Cookie", "BHADMIN=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(fields))).build());
    }

    private static String cookie(HttpResponse<String> response) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("BHADMIN="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie set"));
        Matcher m = SESSION_COOKIE.matcher(header);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String token(HttpResponse<String> page) {
        Matcher m = TOKEN.matcher(page.body());
        assertThat(m.find()).as("a form token on the page").isTrue();
        return m.group(1);
    }
}
