package org.billinghost.core.internal.commands;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with "equal jitter" (half fixed, half random), never earlier than a module's Retry-After. */
final class Backoff {
    private Backoff() {
    }

    /** Delay before the next attempt after {@code attempts} failed ones. */
    static long delayMillis(JobSettings settings, int attempts, Duration retryAfter) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long exponential = Math.min(settings.backoffMaxMillis(), settings.backoffBaseMillis() << doublings);
        long half = exponential / 2;
        long jittered = half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
        long asked = retryAfter == null || retryAfter.isNegative() ? 0 : retryAfter.toMillis();
        return Math.max(jittered, asked);
    }
}
