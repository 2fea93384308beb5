package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment recorded against an invoice (WHMCS's transaction).
 *
 * @param amount what the payment brought in, all of it, also a surplus that became client credit
 * @since 2.2
 */
public record Transaction(long id, long clientId, long invoiceId, String transactionId, String gateway,
                          BigDecimal amount, Instant date) {
}
