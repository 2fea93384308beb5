package org.billinghost.web.internal;

import ch.qos.logback.classic.Level;
import org.billinghost.core.testkit.MutableClock;
import org.eclipse.jetty.server.Server;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that fails, even with an Error (here the real StackOverflowError of a regular expression
 * on a long dotted host name), answers our own error page; a repeated failure logs one stack trace.
 */
class PageFailureTest {
    private static final Pattern SITE_URL = Pattern.compile("(?i)\\s*(https?://)?([a-z0-9](?:[a-z0-9-]{0,61}"
            + "[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9._~!$&'()*+,;=:@%/-]*)?\\s*");
    private static CoreAssembly core;
    private static Server jetty;
    private static URI base;

    /** An area with one page that validates a site URL with the regular expression, as the order form once did. */
    private static final class SiteCheckArea extends Area {
        SiteCheckArea() {
            super(SessionStore.CLIENT, "", new SessionStore("T", "/", SessionStore.CLIENT,
                    new SessionTable(core.moduleDatabase()), new TrustedProxies(List.of()), new MutableClock()),
                    new TrustedProxies(List.of()));
        }

        @Override
        protected void identify(Exchange exchange) {
            // no menu, nobody logs in
        }

        @Override
        protected boolean admits(Exchange exchange) {
            return true;
        }

        @Override
        protected void authorize(Exchange exchange) {
            // anyone may check a site
        }

        @Override
        protected Page page(String path) {
            return SiteCheckArea::check;
        }

        /** GET: the form's token (a session is made); POST: the check. */
        private static void check(Exchange exchange) throws IOException {
            if (!exchange.isPost()) {
                exchange.plainText(200, exchange.session().csrfToken());
                return;
            }
            if (exchange.ticked("fail")) {
                throw new IllegalStateException("a bug in a page");
            }
            boolean valid = SITE_URL.matcher(exchange.param("site")).matches();
            exchange.plainText(200, valid ? "valid" : "not valid");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        core = CoreAssembly.h2();
        Area area = new SiteCheckArea();
        jetty = WebServer.start(WebServer.context(area, area, area));
        base = WebServer.base(jetty);
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        core.close();
    }

    @Test
    void aStackOverflowErrorAnswersOurPage() {
        Browser b = new Browser(base);
        String token = b.get("/check").body();
        assertThat(b.postRaw("/check", "site", "example.com", "token", token).body()).isEqualTo("valid");
        Browser.Page answer = b.postRaw("/check", "site", "a.".repeat(20_000) + "a", "token", token);
        assertFailurePage(answer);
        assertThat(answer.body()).doesNotContain("StackOverflow");
    }

    @Test
    void aRepeatedFailureLogsItsStackTraceOnce() {
        Browser b = new Browser(base);
        String token = b.get("/check").body();
        try (LogCapture log = new LogCapture(SessionFilter.class)) {
            for (int i = 0; i < 3; i++) {
                assertFailurePage(b.postRaw("/check", "fail", "yes", "token", token));
            }
            assertThat(log.events()).filteredOn(e -> e.getThrowableProxy() != null).singleElement()
                    .satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
        }
    }

    private static void assertFailurePage(Browser.Page answer) {
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(answer.doc().select("main .notice.error").text())
                .isEqualTo("Something went wrong. The details are in the host's log.");
        assertThat(answer.body()).doesNotContain("Exception", "HTTP ERROR", "jetty");
    }
}
