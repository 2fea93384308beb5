package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.billinghost.api.platform.BillingCycle;

/**
 * How a service is billed over time (WHMCS's billing fields of {@code tblhosting}).
 *
 * @param firstPaymentAmount   what the order charged for the first period, setup fee included
 * @param recurringAmount      what each renewal charges
 * @param registrationDate     the day the service was ordered
 * @param nextDueDate          the start of the first period not paid yet; null for a free or one-time service
 * @param nextInvoiceDate      the start of the next period to invoice; null when none will be
 * @param terminationDate      the day the service was terminated or cancelled; null while it lives
 * @param overrideAutoSuspend  the daily automation does not suspend the service for non-payment...
 * @param overrideSuspendUntil ...until this day (inclusive); null: for as long as the override is set
 * @param suspendReason        why the service is suspended, empty otherwise ("Overdue on Payment")
 * @since 2.1
 */
public record Subscription(BillingCycle cycle, BigDecimal firstPaymentAmount, BigDecimal recurringAmount,
                           LocalDate registrationDate, LocalDate nextDueDate, LocalDate nextInvoiceDate,
                           LocalDate terminationDate, String paymentMethod, boolean overrideAutoSuspend,
                           LocalDate overrideSuspendUntil, String suspendReason) {
    public Subscription {
        Objects.requireNonNull(cycle, "cycle");
        paymentMethod = paymentMethod == null ? "" : paymentMethod;
        suspendReason = suspendReason == null ? "" : suspendReason;
    }

    /** Whether the override keeps the automation from suspending the service on {@code day}. */
    public boolean suspensionOverridden(LocalDate day) {
        return overrideAutoSuspend && (overrideSuspendUntil == null || !day.isAfter(overrideSuspendUntil));
    }
}
