package org.billinghost.web.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresLockTheNameForAMinute() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("Alice", "10.0.0.1");
        }
        assertThat(throttle.secondsLocked("alice", "10.0.0.9")).isZero();
        throttle.failed("alice", "10.0.0.2");
        assertThat(throttle.secondsLocked("ALICE", "10.0.0.9")).isEqualTo(60);
        clock.advanceSeconds(59);
        assertThat(throttle.secondsLocked("alice", "10.0.0.9")).isEqualTo(1);
        clock.advanceSeconds(1);
        assertThat(throttle.secondsLocked("alice", "10.0.0.9")).isZero();
    }

    @Test
    void fiveFailuresFromOneAddressLockEveryName() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.secondsLocked("someone-else", "10.0.0.1")).isPositive();
        assertThat(throttle.secondsLocked("someone-else", "10.0.0.2")).isZero();
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("dave", "10.0.0.4");
        }
        clock.advanceSeconds(LoginThrottle.WINDOW.toSeconds() + 1);
        throttle.failed("dave", "10.0.0.4");
        assertThat(throttle.secondsLocked("dave", "10.0.0.4")).isZero();
    }

    @Test
    void aSuccessClearsTheCountAndAnExpiredLockStartsAgain() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("bob", "10.0.0.1");
        }
        throttle.succeeded("bob", "10.0.0.1");
        throttle.failed("bob", "10.0.0.1");
        assertThat(throttle.secondsLocked("bob", "10.0.0.1")).isZero();

        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.failed("carol", "10.0.0.3");
        }
        clock.advanceSeconds(61);
        throttle.failed("carol", "10.0.0.3");
        assertThat(throttle.secondsLocked("carol", "10.0.0.3")).isZero();
    }
}
