package org.billinghost.api.platform;

import java.util.List;

/** A bundle of products sold together (WHMCS's product bundles). */
public record ProductBundle(long id, String name, String description, List<Long> productIds) {
    public ProductBundle {
        productIds = List.copyOf(productIds);
        description = description == null ? "" : description;
    }
}
