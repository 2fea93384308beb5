package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.billinghost.api.billing.AuthThrottle.Attempt;
import org.billinghost.api.billing.AuthThrottle.Realm;
import org.billinghost.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class AuthThrottleServiceTest {
    private final MutableClock clock = new MutableClock();
    private final AuthThrottleService throttle = new AuthThrottleService(clock);

    @Test
    void theSixthAttemptAfterFiveFailuresIsRefusedForTheLock() {
        for (int i = 0; i < AuthThrottleService.MAX_FAILURES; i++) {
            Attempt a = throttle.begin(Realm.ADMIN, "admin", "10.0.0." + i);
            assertThat(a.allowed()).isTrue();
            a.failed();
        }
        assertThat(throttle.begin(Realm.ADMIN, "Admin ", "10.0.0.99").secondsLocked()).isEqualTo(60);
        clock.advanceSeconds(61);
        assertThat(throttle.begin(Realm.ADMIN, "admin", "10.0.0.99").allowed()).isTrue();
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < AuthThrottleService.MAX_FAILURES - 1; i++) {
            throttle.begin(Realm.CLIENT, "a@example.com", "10.0.0.1").failed();
        }
        throttle.begin(Realm.CLIENT, "a@example.com", "10.0.0.1").succeeded();
        for (int i = 0; i < AuthThrottleService.MAX_FAILURES; i++) {
            assertThat(throttle.begin(Realm.CLIENT, "a@example.com", "10.0.0.1").allowed()).isTrue();
        }
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < AuthThrottleService.MAX_FAILURES - 1; i++) {
            throttle.begin(Realm.ADMIN, "admin", "10.0.0.1").failed();
        }
        clock.advanceSeconds(AuthThrottleService.WINDOW.toSeconds() + 1);
        int allowed = 0;
        for (int i = 0; i < AuthThrottleService.MAX_FAILURES; i++) {
            Attempt attempt = throttle.begin(Realm.ADMIN, "admin", "10.0.0.1");
            allowed += attempt.allowed() ? 1 : 0;
            attempt.failed();
        }
        assertThat(allowed).isEqualTo(AuthThrottleService.MAX_FAILURES);
    }

    @Test
    void anAbandonedAttemptCountsForNothing() {
        for (int i = 0; i < 3 * AuthThrottleService.MAX_FAILURES; i++) {
            Attempt attempt = throttle.begin(Realm.API, "integration", "10.0.0.1");
            assertThat(attempt.allowed()).isTrue();
            attempt.abandoned();
        }
    }

    @Test
    void realmsCountApart() {
        for (int i = 0; i < AuthThrottleService.MAX_FAILURES; i++) {
            throttle.begin(Realm.API, "x", "10.0.0.1").failed();
        }
        assertThat(throttle.begin(Realm.API, "y", "10.0.0.1").allowed()).isFalse();
        assertThat(throttle.begin(Realm.ADMIN, "x", "10.0.0.1").allowed()).isTrue();
    }

    @Test
    void attemptsInFlightCountSoParallelGuessesGetNoMoreThanTheLimitThrough() throws Exception {
        int guesses = 100;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String address = "10.1.0." + i;
                Callable<Boolean> guess = () -> {
                    start.await();
                    // the attempt is never finished while the others begin: a slow password check
                    return throttle.begin(Realm.ADMIN, "admin", address).allowed();
                };
                results.add(pool.submit(guess));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> r : results) {
                allowed += r.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(AuthThrottleService.MAX_FAILURES);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Both keys are counted in one step: an attempt whose name was counted is never refused on its address. */
    @Test
    void parallelGuessesFromOneAddressAreCheckedExactlyUpToTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 300; round++) {
                String name = "admin" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return throttle.begin(Realm.ADMIN, name, "10.2." + name).allowed();
                    }));
                }
                start.countDown();
                int allowed = 0;
                for (Future<Boolean> r : results) {
                    allowed += r.get() ? 1 : 0;
                }
                assertThat(allowed).as("attempts let through in round %d", round).isEqualTo(AuthThrottleService.MAX_FAILURES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
