package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order. {@code number} (since 2.2) is its random 10-digit order number, unique among orders (WHMCS's
 * {@code ordernum}).
 */
public record Order(long id, long clientId, OrderStatus status, long invoiceId, BigDecimal total,
                    String paymentMethod, Instant created, List<Long> serviceIds, long number) {
    public Order {
        serviceIds = List.copyOf(serviceIds);
    }

    /** An order of API 2.1, without number. */
    public Order(long id, long clientId, OrderStatus status, long invoiceId, BigDecimal total, String paymentMethod,
                 Instant created, List<Long> serviceIds) {
        this(id, clientId, status, invoiceId, total, paymentMethod, created, serviceIds, 0);
    }
}
