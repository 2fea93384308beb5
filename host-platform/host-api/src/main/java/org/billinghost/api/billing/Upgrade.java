package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;

import org.billinghost.api.platform.BillingCycle;

/**
 * A requested change of a service's product or cycle.
 *
 * @param invoiceId  the upgrade invoice, 0 when the difference was not positive
 * @param amount     the difference (negative: the client's credit once applied)
 * @param reason     why it failed or was cancelled; empty otherwise
 * @param refund     a paid upgrade invoice must be refunded: the change failed after payment
 * @since 2.1
 */
public record Upgrade(long id, long serviceId, long invoiceId, long oldProductId, BillingCycle oldCycle,
                      long newProductId, BillingCycle newCycle, BigDecimal amount, State state, String reason,
                      boolean refund, Instant created) {

    /** Where a change stands. */
    public enum State {
        /** Waiting for its invoice's payment, or queued for the module. */
        PENDING,
        /** The module changed the package and the service is on the new product. */
        APPLIED,
        /** The module (or the service's status) refused: the service kept its product. */
        FAILED,
        /** Its invoice was cancelled before payment. */
        CANCELLED
    }
}
