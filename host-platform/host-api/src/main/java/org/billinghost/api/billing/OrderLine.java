package org.billinghost.api.billing;

import java.util.Map;

/**
 * One product in an order.
 *
 * @param customFields values keyed by custom field id (as a decimal string) or by field name
 */
public record OrderLine(long productId, String domain, Map<String, String> customFields) {
    public OrderLine {
        domain = domain == null ? "" : domain;
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
