package org.billinghost.core.internal.upgrades;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.billinghost.api.platform.BillingCycle;

/**
 * WHMCS's proration of a change of product or cycle. The credit is the recurring amount × days left to the
 * next due date / days of the current period; the charge is the new price × days left / days of one new-cycle
 * period ending on that same due date, which stays (WHMCS: "the next due date doesn't change"). Each of the two
 * is rounded once, half up to the cent; their difference is then exact. A service that does not recur (free,
 * one time) gets no credit and pays a full new period from today, which becomes its next due date.
 *
 * @param movesDueDate applying the change sets the next due date to {@code nextDueDate} (possibly none)
 */
record Proration(long daysLeft, long totalDays, BigDecimal credit, BigDecimal charge, LocalDate nextDueDate,
                 boolean movesDueDate) {

    static Proration of(BillingCycle oldCycle, BigDecimal recurring, LocalDate nextDue, int billingDay,
                        BillingCycle newCycle, BigDecimal newPrice, LocalDate today) {
        if (oldCycle.recurring() && nextDue != null) {
            long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, nextDue));
            long totalDays = ChronoUnit.DAYS.between(periodStart(nextDue, oldCycle, billingDay), nextDue);
            BigDecimal credit = prorate(recurring, daysLeft, totalDays);
            if (!newCycle.recurring()) {
                return new Proration(daysLeft, totalDays, credit, newPrice, null, true);
            }
            long newDays = ChronoUnit.DAYS.between(periodStart(nextDue, newCycle, billingDay), nextDue);
            return new Proration(daysLeft, totalDays, credit, prorate(newPrice, daysLeft, newDays), nextDue, false);
        }
        if (!newCycle.recurring()) {
            return new Proration(0, 0, BigDecimal.ZERO.setScale(2), newPrice, null, true);
        }
        LocalDate next = newCycle.next(today, today.getDayOfMonth());
        long days = ChronoUnit.DAYS.between(today, next);
        return new Proration(days, days, BigDecimal.ZERO.setScale(2), newPrice, next, true);
    }

    BigDecimal difference() {
        return charge.subtract(credit);
    }

    /**
     * The start of the period of {@code cycle} that ends on {@code nextDue}. A due date before the end of its
     * month is on the billing day; one on the last day may stand for a later billing day (31 Jan -> 28 Feb).
     */
    static LocalDate periodStart(LocalDate nextDue, BillingCycle cycle, int billingDay) {
        int day = nextDue.getDayOfMonth() < nextDue.lengthOfMonth() ? nextDue.getDayOfMonth()
                : Math.max(billingDay, nextDue.getDayOfMonth());
        LocalDate month = nextDue.withDayOfMonth(1).minusMonths(cycle.months());
        return month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
    }

    /** amount × days / totalDays, rounded once half up to the cent (the only rounding of a quote). */
    static BigDecimal prorate(BigDecimal amount, long days, long totalDays) {
        if (totalDays <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return amount.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(totalDays), 2, RoundingMode.HALF_UP);
    }
}
