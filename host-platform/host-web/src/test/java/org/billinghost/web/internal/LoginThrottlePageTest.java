package org.billinghost.web.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Its own server: locking 127.0.0.1 out would disturb the other tests. */
class LoginThrottlePageTest {
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void fiveFailedAdminLoginsPauseLoginsForAMinuteEvenWithTheRightPassword() {
        Browser b = server.browser();
        b.open("/admin/login");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(b.post("/admin/login", "username", "admin", "password", "guess" + i).status()).isEqualTo(401);
        }
        Browser.Page locked = b.post("/admin/login", "username", "admin", "password", WebServer.ADMIN_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text()).contains("Too many failed logins", "try again in 60 seconds");
        assertThat(b.get("/admin/").location()).contains("/admin/login");

        server.clock().advanceSeconds(61);
        assertThat(b.post("/admin/login", "username", "admin", "password", WebServer.ADMIN_PASSWORD).status())
                .isEqualTo(303);
    }

    @Test
    void clientLoginsAreThrottledToo() {
        server.newClient("locked@example.com");
        Browser b = server.browser();
        b.open("/login");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(b.post("/login", "email", "locked@example.com", "password", "guess" + i).status()).isEqualTo(401);
        }
        Browser.Page locked = b.post("/login", "email", "locked@example.com", "password", WebServer.CLIENT_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text()).contains("Too many failed logins");
    }
}
