package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.billinghost.api.platform.BillingCycle;

/**
 * The proration of a change of product or cycle, worked out on {@code today}.
 *
 * @param daysUntilRenewal days from today to the next due date (WHMCS's {@code daysuntilrenewal})
 * @param totalDays        days of the current period (WHMCS's {@code totaldays})
 * @param credit           the unused part of the current period: recurring amount × daysUntilRenewal / totalDays
 * @param charge           the new product up to the next due date
 * @param difference       charge − credit: positive is invoiced, zero or negative applies at once
 * @param newRecurring     the service's recurring amount after the change
 * @param nextDueDate      the next due date after the change (empty for a cycle that does not recur)
 * @since 2.1
 */
public record UpgradeQuote(long serviceId, long oldProductId, String oldProductName, BillingCycle oldCycle,
                           long newProductId, String newProductName, BillingCycle newCycle, LocalDate today,
                           long daysUntilRenewal, long totalDays, BigDecimal credit, BigDecimal charge,
                           BigDecimal difference, BigDecimal newRecurring, LocalDate nextDueDate) {

    /** Whether the service keeps its product and only changes cycle. */
    public boolean cycleOnly() {
        return oldProductId == newProductId;
    }
}
