package org.billinghost.jetpack.partner;

import java.util.List;
import java.util.Optional;

/**
 * The licensing catalogue, or why it could not be read.
 *
 * @since 1.3
 */
public record LicenseCatalogue(ApiOutcome outcome, List<LicenseProduct> products) {

    public LicenseCatalogue {
        products = products == null ? List.of() : List.copyOf(products);
    }

    public Optional<LicenseProduct> product(String slug) {
        return products.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }
}
