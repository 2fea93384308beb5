package org.billinghost.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.billinghost.api.billing.AuthThrottle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Counts each attempt when it begins, per realm and name and per realm and address, in one atomic
 * step per key: after {@value #MAX_FAILURES} attempts that did not succeed, further attempts for
 * that key are refused for {@link #LOCK}. The name's and the address's counts are taken together. An attempt still running counts like a failure, so
 * parallel guesses cannot get past the lock while a slow password check runs.
 */
@Component(service = AuthThrottle.class)
public final class AuthThrottleService implements AuthThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofSeconds(60);
    /** Failures older than this are forgotten, so a few typos spread over a day never lock anyone out. */
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keys kept at most; guessing many names must not exhaust memory. */
    static final int MAX_KEYS = 100_000;
    static final int MAX_KEY_LENGTH = 255;

    private record Count(int attempts, long firstAttempt, long lockedUntil) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    private final Object reservations = new Object();
    private final Clock clock;

    @Activate
    public AuthThrottleService() {
        this(Clock.systemUTC());
    }

    public AuthThrottleService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Attempt begin(Realm realm, String name, String address) {
        String nameKey = realm + ":n:" + bounded(name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
        String addressKey = realm + ":a:" + bounded(String.valueOf(address));
        long now = clock.millis();
        if (counts.size() >= MAX_KEYS) {
            counts.values().removeIf(c -> c.lockedUntil() <= now && now - c.firstAttempt() > WINDOW.toMillis());
        }
        long secondsLocked;
        // both keys in one step: otherwise an attempt counted on its name could be refused on its address by a
        // parallel one, answering "locked" for an attempt that was counted as a check
        synchronized (reservations) {
            secondsLocked = Math.max(reserve(nameKey, now), reserve(addressKey, now));
        }
        return new Reserved(secondsLocked, nameKey, addressKey);
    }

    /** Counts one attempt for the key unless it is locked; answers the seconds still locked (0: counted). */
    private long reserve(String key, long now) {
        long[] wait = {0};
        counts.compute(key, (k, c) -> {
            if (c != null && c.lockedUntil() > now) {
                wait[0] = (c.lockedUntil() - now + 999) / 1000;
                return c;
            }
            // after a lock has run out, or once the window has passed, the count starts again
            boolean fresh = c == null || c.lockedUntil() != 0 || now - c.firstAttempt() > WINDOW.toMillis();
            int attempts = fresh ? 1 : c.attempts() + 1;
            if (attempts > MAX_FAILURES) {
                wait[0] = LOCK.toSeconds();
                return new Count(attempts, c.firstAttempt(), now + LOCK.toMillis());
            }
            return new Count(attempts, fresh ? now : c.firstAttempt(), 0);
        });
        return wait[0];
    }

    /** Keys are kept in memory: a 200 KB name must not be kept whole (no account name is this long). */
    private static String bounded(String text) {
        return text.length() <= MAX_KEY_LENGTH ? text : text.substring(0, MAX_KEY_LENGTH);
    }

    private void giveBack(String key) {
        counts.computeIfPresent(key, (k, c) -> c.lockedUntil() != 0 ? c
                : c.attempts() <= 1 ? null : new Count(c.attempts() - 1, c.firstAttempt(), 0));
    }

    @Override
    public int maxFailures() {
        return MAX_FAILURES;
    }

    @Override
    public long lockSeconds() {
        return LOCK.toSeconds();
    }

    private final class Reserved implements Attempt {
        private final long secondsLocked;
        private final String nameKey;
        private final String addressKey;

        Reserved(long secondsLocked, String nameKey, String addressKey) {
            this.secondsLocked = secondsLocked;
            this.nameKey = nameKey;
            this.addressKey = addressKey;
        }

        @Override
        public long secondsLocked() {
            return secondsLocked;
        }

        @Override
        public void succeeded() {
            counts.remove(nameKey);
            counts.remove(addressKey);
        }

        @Override
        public void failed() {
            // counted when the attempt began
        }

        @Override
        public void abandoned() {
            if (secondsLocked == 0) {
                giveBack(nameKey);
                giveBack(addressKey);
            }
        }
    }
}
