package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.billinghost.api.platform.BillingCycle;

/**
 * An admin's change to how a service is billed (UpdateClientProduct, the admin's service page); null
 * parts stay as they are. Setting {@code nextDueDate} also sets the next invoice date to it, as WHMCS does.
 * {@code overrideAutoSuspend} false clears {@code overrideSuspendUntil}.
 *
 * @since 2.1
 */
public record SubscriptionChange(BillingCycle cycle, LocalDate nextDueDate, BigDecimal recurringAmount,
                                 BigDecimal firstPaymentAmount, Boolean overrideAutoSuspend,
                                 LocalDate overrideSuspendUntil) {
    /** Whether the change changes nothing. */
    public boolean isEmpty() {
        return cycle == null && nextDueDate == null && recurringAmount == null && firstPaymentAmount == null
                && overrideAutoSuspend == null && overrideSuspendUntil == null;
    }
}
