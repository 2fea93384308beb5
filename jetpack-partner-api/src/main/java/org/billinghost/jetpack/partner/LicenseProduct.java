package org.billinghost.jetpack.partner;

import java.math.BigDecimal;

/**
 * A product of the licensing catalogue. The partner's cost is known only from
 * {@code GET /partner/product-families}: otherwise {@code amount} is null and the other price fields empty.
 *
 * @param family        the family's name (e.g. "Jetpack Backup")
 * @param familySlug    the family's slug
 * @param priceInterval {@code month} or {@code day}
 * @since 1.3
 */
public record LicenseProduct(String family, String familySlug, long productId, String name, String slug,
                             String currency, BigDecimal amount, String priceInterval) {

    public LicenseProduct {
        currency = currency == null ? "" : currency;
        priceInterval = priceInterval == null ? "" : priceInterval;
    }
}
