package org.billinghost.itests.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition of a running host until it holds or the time is up. */
public final class Eventually {
    private Eventually() {
    }

    /** Fails with {@code what} when {@code condition} does not hold within {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }
}
