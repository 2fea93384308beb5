package org.billinghost.core.internal.orders;

import java.math.BigDecimal;

import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.Subscription;

/**
 * A stored service as the workflow reads it.
 *
 * @param amount     the recurring amount
 * @param billingDay the day of the month its periods start on
 */
public record ServiceRow(long id, long clientId, long orderId, long productId, String domain, ServiceStatus status,
                         BigDecimal amount, long created, long updated, Subscription subscription, int billingDay) {
}
