package org.billinghost.jetpack.sandbox.internal.licensing;

import java.math.BigDecimal;

/**
 * A product the Licensing API issues licenses for, with what a partner pays for it.
 *
 * @param family        the slug of its product family
 * @param amount        the partner's cost per {@code priceInterval}, in US dollars
 * @param priceInterval {@code month} or {@code day}
 */
record LicensedProduct(long productId, String name, String slug, String family, BigDecimal amount,
                       String priceInterval) {

    static final String CURRENCY = "usd";
}
