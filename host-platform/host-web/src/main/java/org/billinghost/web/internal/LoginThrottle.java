package org.billinghost.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins for one user name or
 * from one address, further attempts for it are refused for {@link #LOCK}.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofSeconds(60);
    /** Failures older than this are forgotten, so a few typos spread over a day never lock anyone out. */
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keys kept at most; guessing many user names must not exhaust memory. */
    static final int MAX_KEYS = 100_000;

    private record Failures(int count, long firstFailure, long lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until a login for this user name from this address may be tried again; 0 when it may now. */
    public long secondsLocked(String username, String address) {
        long now = clock.millis();
        long until = Math.max(lockedUntil(userKey(username)), lockedUntil(addressKey(address)));
        return until > now ? (until - now + 999) / 1000 : 0;
    }

    public void failed(String username, String address) {
        count(userKey(username));
        count(addressKey(address));
    }

    public void succeeded(String username, String address) {
        failures.remove(userKey(username));
        failures.remove(addressKey(address));
    }

    private long lockedUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.lockedUntil();
    }

    private void count(String key) {
        long now = clock.millis();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> f.lockedUntil() <= now);
        }
        failures.compute(key, (k, f) -> {
            // After a lock has run out, or once the window has passed, the count starts again.
            boolean fresh = f == null || (f.lockedUntil() != 0 && f.lockedUntil() <= now)
                    || now - f.firstFailure() > WINDOW.toMillis();
            int count = fresh ? 1 : f.count() + 1;
            long first = fresh ? now : f.firstFailure();
            return new Failures(count, first, count >= MAX_FAILURES ? now + LOCK.toMillis() : 0);
        });
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
