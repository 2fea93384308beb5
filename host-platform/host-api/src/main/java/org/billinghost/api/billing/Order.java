package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record Order(long id, long clientId, OrderStatus status, long invoiceId, BigDecimal total,
                    String paymentMethod, Instant created, List<Long> serviceIds) {
    public Order {
        serviceIds = List.copyOf(serviceIds);
    }
}
