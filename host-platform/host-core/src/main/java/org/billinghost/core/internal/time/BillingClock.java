package org.billinghost.core.internal.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The clock of everything that bills by the calendar (registration and due dates, the daily automation,
 * proration): the host's time zone, replaceable in tests so that a year of renewals runs in seconds.
 */
@Component(service = BillingClock.class)
public final class BillingClock {
    private final Clock clock;

    @Activate
    public BillingClock() {
        this(Clock.systemDefaultZone());
    }

    public BillingClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public long millis() {
        return clock.millis();
    }

    /** The first millisecond of {@code day} in this clock's zone. */
    public long startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
