package org.billinghost.api.billing;

import java.util.Map;

import org.billinghost.api.platform.BillingCycle;

/**
 * One product in an order, {@code quantity} times (since 2.0; each becomes a service of its own,
 * with the same domain and custom field values).
 *
 * @param customFields values keyed by custom field id (as a decimal string) or by field name
 * @param billingCycle (since 2.1) the cycle the customer chose; null for the product's first (its shortest)
 */
public record OrderLine(long productId, String domain, Map<String, String> customFields, int quantity,
                        BillingCycle billingCycle) {
    public OrderLine {
        domain = domain == null ? "" : domain;
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** A line of API 2.0, on the product's first cycle. */
    public OrderLine(long productId, String domain, Map<String, String> customFields, int quantity) {
        this(productId, domain, customFields, quantity, null);
    }

    /** One of the product (the constructor of API 1.2). */
    public OrderLine(long productId, String domain, Map<String, String> customFields) {
        this(productId, domain, customFields, 1);
    }
}
