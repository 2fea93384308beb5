package org.billinghost.web.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Framing is refused on every answer; a trusted proxy's X-Forwarded-* headers are believed, no one else's. */
class ResponseHeadersTest {
    private static WebServer behindProxy;
    private static WebServer direct;

    @BeforeAll
    static void start() throws Exception {
        behindProxy = new WebServer(false, List.of("127.0.0.1"));
        direct = new WebServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        behindProxy.close();
        direct.close();
    }

    @Test
    void everyAnswerRefusesFramingBesideTheContentSecurityPolicy() {
        Browser admin = direct.admin();
        Browser stranger = direct.browser();
        List<Browser.Page> answers = List.of(admin.get("/admin/clients"), admin.get("/admin/nosuchpage"),
                stranger.get("/admin/clients"), stranger.postRaw("/admin/login"), stranger.get("/"));
        assertThat(answers).extracting(Browser.Page::status).containsExactly(200, 404, 303, 403, 200);
        for (Browser.Page answer : answers) {
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void aTrustedProxySayingHttpsGetsSecureCookies() {
        Browser viaTls = behindProxy.browser().header("X-Forwarded-Proto", "https");
        assertThat(viaTls.get("/admin/login").setCookies()).singleElement()
                .satisfies(c -> assertThat(c).startsWith("BHADMIN=").endsWith("; Secure"));

        Browser viaPlainHttp = behindProxy.browser().header("X-Forwarded-Proto", "http");
        assertThat(viaPlainHttp.get("/login").setCookies()).singleElement()
                .satisfies(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void anUntrustedAddressSayingHttpsGetsNoSecureCookie() {
        Browser spoofing = direct.browser().header("X-Forwarded-Proto", "https");
        assertThat(spoofing.get("/login").setCookies()).singleElement()
                .satisfies(c -> assertThat(c).doesNotContain("Secure"));
    }

    @Test
    void behindATrustedProxyTheLoginLockCountsTheVisitorsAddress() {
        Browser guesser = behindProxy.browser().header("X-Forwarded-For", "203.0.113.7");
        guesser.open("/admin/login");
        int maxFailures = behindProxy.throttle().maxFailures();
        for (int i = 0; i < maxFailures; i++) {
            assertThat(guesser.post("/admin/login", "username", "user" + i, "password", "guess").status())
                    .isEqualTo(401);
        }
        assertThat(guesser.post("/admin/login", "username", "admin", "password", WebServer.ADMIN_PASSWORD).status())
                .isEqualTo(429);

        Browser someoneElse = behindProxy.browser().header("X-Forwarded-For", "203.0.113.7, 198.51.100.2");
        someoneElse.open("/admin/login");
        assertThat(someoneElse.post("/admin/login", "username", "admin", "password", WebServer.ADMIN_PASSWORD)
                .status()).isEqualTo(303);
    }
}
