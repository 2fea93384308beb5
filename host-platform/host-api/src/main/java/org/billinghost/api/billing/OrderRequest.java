package org.billinghost.api.billing;

import java.util.List;

/**
 * An order to place. Custom field values are validated (required, regex, dropdown options);
 * admin-only fields are refused unless {@code byAdmin}.
 */
public record OrderRequest(long clientId, List<OrderLine> lines, String paymentMethod, boolean byAdmin) {
    public OrderRequest {
        lines = List.copyOf(lines);
        paymentMethod = paymentMethod == null ? "" : paymentMethod;
    }
}
