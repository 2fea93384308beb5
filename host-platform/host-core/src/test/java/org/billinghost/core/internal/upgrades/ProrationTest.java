package org.billinghost.core.internal.upgrades;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.billinghost.api.platform.BillingCycle;
import org.junit.jupiter.api.Test;

/** The arithmetic of a quote: period starts across month ends, the one rounding, services that do not recur. */
class ProrationTest {

    @Test
    void aPeriodEndingOnTheLastDayOfFebruaryStartsOnTheBillingDay() {
        assertThat(Proration.periodStart(LocalDate.of(2028, 2, 29), BillingCycle.MONTHLY, 31))
                .isEqualTo(LocalDate.of(2028, 1, 31));
    }

    @Test
    void aHalfCentIsRoundedUpOnce() {
        // 0.10 × 1 / 20 = 0.005
        assertThat(Proration.prorate(new BigDecimal("0.10"), 1, 20)).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void aFreeServiceGetsNoCreditAndPaysAFullPeriodFromToday() {
        Proration p = Proration.of(BillingCycle.FREE, BigDecimal.ZERO, null, 1, BillingCycle.MONTHLY,
                new BigDecimal("9.95"), LocalDate.of(2027, 1, 31));

        assertThat(p).isEqualTo(new Proration(28, 28, new BigDecimal("0.00"), new BigDecimal("9.95"),
                LocalDate.of(2027, 2, 28), true));
    }
}
