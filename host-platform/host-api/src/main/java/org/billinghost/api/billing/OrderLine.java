package org.billinghost.api.billing;

import java.util.Map;

/**
 * One product in an order, {@code quantity} times (since 2.0; each becomes a service of its own,
 * with the same domain and custom field values).
 *
 * @param customFields values keyed by custom field id (as a decimal string) or by field name
 */
public record OrderLine(long productId, String domain, Map<String, String> customFields, int quantity) {
    public OrderLine {
        domain = domain == null ? "" : domain;
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** One of the product (the constructor of API 1.2). */
    public OrderLine(long productId, String domain, Map<String, String> customFields) {
        this(productId, domain, customFields, 1);
    }
}
