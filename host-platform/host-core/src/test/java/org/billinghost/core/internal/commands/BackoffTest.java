package org.billinghost.core.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final JobSettings SETTINGS = new JobSettings(1, 100, 60_000, 8, 2_000, 60_000, 1_000, 1, Map.of());

    @RepeatedTest(20)
    void delayDoublesPerAttemptWithJitterBetweenHalfAndAll() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long full = 2_000L << (attempt - 1);
            assertThat(Backoff.delayMillis(SETTINGS, attempt, null)).as("attempt %d", attempt).isBetween(full / 2, full);
        }
    }

    @Test
    void delayIsCappedAtTheMaximum() {
        assertThat(Backoff.delayMillis(SETTINGS, 30, null)).isBetween(30_000L, 60_000L);
        assertThat(Backoff.delayMillis(SETTINGS, 1_000, null)).isBetween(30_000L, 60_000L);
    }

    @Test
    void aModulesRetryAfterIsHonouredEvenBeyondTheMaximum() {
        assertThat(Backoff.delayMillis(SETTINGS, 1, Duration.ofSeconds(90))).isEqualTo(90_000);
        assertThat(Backoff.delayMillis(SETTINGS, 1, Duration.ofMillis(10))).isBetween(1_000L, 2_000L);
    }

    @Test
    void jitterSpreadsRetriesOfJobsThatFailedTogether() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> Backoff.delayMillis(SETTINGS, 4, null)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }
}
