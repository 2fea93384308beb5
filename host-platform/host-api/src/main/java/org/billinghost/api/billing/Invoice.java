package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record Invoice(long id, long clientId, long orderId, InvoiceStatus status, BigDecimal total,
                      BigDecimal paid, Instant created, Instant datePaid, List<InvoiceLine> lines) {
    public Invoice {
        lines = List.copyOf(lines);
    }

    public record InvoiceLine(String description, BigDecimal amount, long serviceId) {
    }
}
