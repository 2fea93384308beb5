package org.billinghost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.api.billing.EmailMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Forgot your password?" in both areas. Its own server: the throttle test locks 127.0.0.1's requests. */
class PasswordResetPagesTest {
    private static final Pattern LINK = Pattern.compile("(http://\\S+/resetpassword\\?key=[A-Za-z0-9_-]+)");
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** The path and query of the link in the newest reset message to {@code email}. */
    private String linkTo(String email) {
        EmailMessage message = server.core().emails().list(0, email, 0, 1).items().get(0);
        assertThat(message.template()).isEqualTo("password_reset");
        Matcher m = LINK.matcher(message.text());
        assertThat(m.find()).isTrue();
        URI link = URI.create(m.group(1));
        return link.getRawPath() + "?" + link.getRawQuery();
    }

    @Test
    void aClientResetsThePasswordOnceWithTheLinkAndAnUnknownAddressGetsTheSameAnswer() {
        long clientId = server.newClient("reset@example.com").id();
        Browser b = server.browser();
        assertThat(b.open("/login").doc().select("a[href=/forgotpassword]").text()).isEqualTo("Forgot your password?");
        b.open("/forgotpassword");
        String known = b.submit("/forgotpassword", "email", "reset@example.com").doc().select(".notice").text();
        String unknown = b.submit("/forgotpassword", "email", "nobody@example.com").doc().select(".notice").text();
        assertThat(known).isEqualTo(PasswordResetPages.SENT);
        assertThat(unknown).isEqualTo(known);

        String link = linkTo("reset@example.com");
        b.open(link);
        Browser.Page mismatch = b.submit("/resetpassword", "key", key(link), "password", "new-password-1",
                "password2", "new-password-2");
        assertThat(mismatch.doc().select(".notice.error").text()).isEqualTo("The two passwords are not the same.");
        Browser.Page done = b.submit("/resetpassword", "key", key(link), "password", "new-password-1",
                "password2", "new-password-1");
        assertThat(done.doc().select(".notice").text()).isEqualTo("Your password has been changed. Log in with it.");
        assertThat(server.core().clients().authenticate("reset@example.com", "new-password-1").orElseThrow().id())
                .isEqualTo(clientId);

        b.open(link);
        Browser.Page used = b.submit("/resetpassword", "key", key(link), "password", "new-password-3",
                "password2", "new-password-3");
        assertThat(used.doc().select(".notice.error").text())
                .isEqualTo("This password reset link has expired or has already been used. Ask for a new one.");
        assertThat(server.core().clients().authenticate("reset@example.com", "new-password-3")).isEmpty();
    }

    @Test
    void anAdminReachesTheResetPagesWithoutLoggingIn() {
        long adminId = server.core().admins().create("ops", "ops@example.com", "old-password", "Full Administrator")
                .id();
        Browser b = server.browser();
        assertThat(b.open("/admin/login").doc().select("a[href=/admin/forgotpassword]").text())
                .isEqualTo("Forgot your password?");
        b.open("/admin/forgotpassword");
        b.submit("/admin/forgotpassword", "email", "OPS@example.com");
        String link = linkTo("ops@example.com");
        assertThat(link).startsWith("/admin/resetpassword?key=");

        b.open(link);
        b.submit("/admin/resetpassword", "key", key(link), "password", "new-password-1", "password2",
                "new-password-1");
        assertThat(server.core().admins().authenticate("ops", "new-password-1").orElseThrow().id()).isEqualTo(adminId);
    }

    @Test
    void requestsArePausedAfterTheLimitForAnAddress() {
        Browser b = server.browser();
        b.open("/forgotpassword");
        for (int i = 0; i < server.throttle().maxFailures(); i++) {
            assertThat(b.submit("/forgotpassword", "email", "someone@example.com").status()).isEqualTo(200);
        }
        Browser.Page paused = b.submit("/forgotpassword", "email", "someone@example.com");
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.doc().select(".notice.error").text()).isEqualTo("Too many password reset requests for this"
                + " address or from yours; try again in " + server.throttle().lockSeconds() + " seconds.");
    }

    private static String key(String link) {
        return link.substring(link.indexOf("key=") + 4);
    }
}
