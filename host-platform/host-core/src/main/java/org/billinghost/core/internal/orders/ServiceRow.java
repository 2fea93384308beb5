package org.billinghost.core.internal.orders;

import java.math.BigDecimal;

import org.billinghost.api.billing.ServiceStatus;

/** A stored service as the workflow reads it. */
public record ServiceRow(long id, long clientId, long orderId, long productId, String domain, ServiceStatus status,
                         BigDecimal amount, long created, long updated) {
}
