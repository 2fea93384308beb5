package org.billinghost.web.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Its own server: locking 127.0.0.1 out would disturb the other tests. */
class LoginThrottlePageTest {
    private WebServer server;
    private int maxFailures;

    @BeforeEach
    void start() throws Exception {
        server = new WebServer(false);
        maxFailures = server.throttle().maxFailures();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void fiveFailedAdminLoginsPauseLoginsForAMinuteEvenWithTheRightPassword() {
        Browser b = server.browser();
        b.open("/admin/login");
        for (int i = 0; i < maxFailures; i++) {
            assertThat(adminLogin(b, "admin", "guess" + i)).isEqualTo(401);
        }
        Browser.Page locked = b.post("/admin/login", "username", "admin", "password", WebServer.ADMIN_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text()).contains("Too many failed logins", "try again in 60 seconds");
        assertThat(b.get("/admin/").location()).contains("/admin/login");

        server.clock().advanceSeconds(61);
        assertThat(adminLogin(b, "admin", WebServer.ADMIN_PASSWORD)).isEqualTo(303);
    }

    @Test
    void parallelGuessesGetNoMorePasswordChecksThanTheLimitAndTheLockHolds() throws Exception {
        Browser b = server.browser();
        b.open("/admin/login");
        int guesses = 40;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                String guess = "guess" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return adminLogin(b, "admin", guess);
                }));
            }
            go.countDown();
            int refusedWhileLocked = 0;
            for (Future<Integer> answer : answers) {
                refusedWhileLocked += answer.get() == 429 ? 1 : 0;
            }
            assertThat(refusedWhileLocked).isEqualTo(guesses - maxFailures);
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.passwordChecks()).isEqualTo(maxFailures);

        Browser.Page locked = b.post("/admin/login", "username", "admin", "password", WebServer.ADMIN_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(server.passwordChecks()).isEqualTo(maxFailures);

        server.clock().advanceSeconds(server.throttle().lockSeconds() + 1);
        assertThat(adminLogin(b, "admin", WebServer.ADMIN_PASSWORD)).isEqualTo(303);
    }

    @Test
    void failuresFromOneAddressLockEveryName() {
        Browser b = server.browser();
        b.open("/admin/login");
        for (int i = 0; i < maxFailures; i++) {
            assertThat(adminLogin(b, "user" + i, "guess")).isEqualTo(401);
        }
        assertThat(adminLogin(b, "admin", WebServer.ADMIN_PASSWORD)).isEqualTo(429);
    }

    @Test
    void aNameLongerThanAnyAccountsIsRefusedWithoutAPasswordCheckOrAThrottleKey() {
        Browser b = server.browser();
        b.open("/admin/login");
        String tooLong = "a".repeat(LoginGate.MAX_NAME + 1);
        for (int i = 0; i < maxFailures + 1; i++) {
            Browser.Page answer = b.post("/admin/login", "username", tooLong + i, "password", "guess");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.text()).contains("Wrong login name or password");
        }
        assertThat(server.passwordChecks()).isZero();
        assertThat(adminLogin(b, "admin", WebServer.ADMIN_PASSWORD)).isEqualTo(303);
    }

    private static int adminLogin(Browser b, String username, String password) {
        return b.post("/admin/login", "username", username, "password", password).status();
    }

    @Test
    void clientLoginsAreThrottledToo() {
        server.newClient("locked@example.com");
        Browser b = server.browser();
        b.open("/login");
        for (int i = 0; i < maxFailures; i++) {
            assertThat(b.post("/login", "email", "locked@example.com", "password", "guess" + i).status()).isEqualTo(401);
        }
        Browser.Page locked = b.post("/login", "email", "locked@example.com", "password", WebServer.CLIENT_PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.text()).contains("Too many failed logins");
    }
}
