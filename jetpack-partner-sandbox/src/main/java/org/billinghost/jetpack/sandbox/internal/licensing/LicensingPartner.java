package org.billinghost.jetpack.sandbox.internal.licensing;

import java.util.Set;

/**
 * A partner of the Licensing API: it owns the licenses issued with its token.
 *
 * @param mayAttach whether it may attach and detach licenses itself (else 403 {@code not_allowlisted})
 * @param products  the slugs it may buy; empty = the whole catalogue
 */
record LicensingPartner(String id, boolean mayAttach, Set<String> products) {

    boolean mayBuy(LicensedProduct product) {
        return products.isEmpty() || products.contains(product.slug());
    }
}
