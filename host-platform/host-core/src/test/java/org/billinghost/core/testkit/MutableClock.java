package org.billinghost.core.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand (UTC): a year of renewals runs in seconds. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /** Starts on 2026-01-01 at midnight UTC. */
    public MutableClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advanceSeconds(long seconds) {
        now = now.plusSeconds(seconds);
    }

    public MutableClock advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** Noon (UTC) of {@code day}. */
    public MutableClock set(LocalDate day) {
        now = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        return this;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
