package org.billinghost.api.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingCycleTest {

    @Test
    void aMonthlyPeriodKeepsItsDayWhereTheMonthHasIt() {
        List<LocalDate> dues = new ArrayList<>();
        LocalDate due = LocalDate.of(2028, 1, 31);
        for (int i = 0; i < 4; i++) {
            due = BillingCycle.MONTHLY.next(due, 31);
            dues.add(due);
        }
        assertThat(dues).containsExactly(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30),
                LocalDate.of(2028, 5, 31));
    }

    @Test
    void longerCyclesAddTheirMonths() {
        LocalDate start = LocalDate.of(2027, 2, 28);
        assertThat(List.of(BillingCycle.QUARTERLY.next(start, 28), BillingCycle.SEMIANNUALLY.next(start, 28),
                BillingCycle.ANNUALLY.next(start, 28), BillingCycle.BIENNIALLY.next(start, 28),
                BillingCycle.TRIENNIALLY.next(start, 28))).containsExactly(LocalDate.of(2027, 5, 28),
                LocalDate.of(2027, 8, 28), LocalDate.of(2028, 2, 28), LocalDate.of(2029, 2, 28), LocalDate.of(2030, 2, 28));
    }

    @Test
    void aCycleThatDoesNotRecurHasNoNextPeriod() {
        assertThrows(IllegalStateException.class, () -> BillingCycle.ONETIME.next(LocalDate.of(2027, 1, 1), 1));
    }

    @Test
    void cyclesAreFoundByCodeOrLabelAndNothingElse() {
        assertThat(List.of(BillingCycle.of("semiannually"), BillingCycle.of("Semi-Annually"), BillingCycle.of("One Time"),
                BillingCycle.of("Free Account"), BillingCycle.of("weekly"), BillingCycle.of("x".repeat(40))))
                .containsExactly(java.util.Optional.of(BillingCycle.SEMIANNUALLY),
                        java.util.Optional.of(BillingCycle.SEMIANNUALLY), java.util.Optional.of(BillingCycle.ONETIME),
                        java.util.Optional.of(BillingCycle.FREE), java.util.Optional.empty(), java.util.Optional.empty());
    }

    @Test
    void setupFeesHaveWhmcsNames() {
        assertThat(List.of(BillingCycle.ONETIME.setupFeeCode(), BillingCycle.MONTHLY.setupFeeCode(),
                BillingCycle.SEMIANNUALLY.setupFeeCode(), BillingCycle.TRIENNIALLY.setupFeeCode()))
                .containsExactly("msetupfee", "msetupfee", "ssetupfee", "tsetupfee");
    }
}
