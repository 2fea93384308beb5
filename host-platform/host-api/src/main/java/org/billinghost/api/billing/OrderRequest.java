package org.billinghost.api.billing;

import java.util.List;

/**
 * An order to place. Custom field values are validated (required, regex, dropdown options);
 * admin-only fields are refused unless {@code byAdmin}.
 *
 * <p>{@code idempotencyKey} (since 2.0; empty for none, at most 64 characters) names the order
 * for retries: placing an order again with the key of an order already placed for the same client
 * answers that order and creates nothing.
 */
public record OrderRequest(long clientId, List<OrderLine> lines, String paymentMethod, boolean byAdmin,
                           String idempotencyKey) {
    public OrderRequest {
        lines = List.copyOf(lines);
        paymentMethod = paymentMethod == null ? "" : paymentMethod;
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
    }

    public OrderRequest(long clientId, List<OrderLine> lines, String paymentMethod, boolean byAdmin) {
        this(clientId, lines, paymentMethod, byAdmin, "");
    }
}
