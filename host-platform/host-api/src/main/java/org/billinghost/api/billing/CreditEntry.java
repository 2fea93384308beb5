package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change of a client's credit balance: positive when credit was added (an overpayment's surplus, a
 * downgrade, an admin's addition), negative when it was applied to an invoice or removed.
 *
 * @param invoiceId the invoice that brought or took it, 0 for none
 * @since 2.2
 */
public record CreditEntry(long id, long clientId, Instant date, String description, BigDecimal amount,
                          long invoiceId) {
}
