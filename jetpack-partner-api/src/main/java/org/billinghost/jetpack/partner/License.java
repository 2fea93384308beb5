package org.billinghost.jetpack.partner;

import java.time.Instant;

/**
 * A license as the Jetpack Licensing API describes it. The key is opaque.
 *
 * @param licenseId  the API's license id (kept as text: the API's type is not promised)
 * @param key        the license key the customer adds to the site
 * @param product    the product slug or name the list answer gives, empty when the answer has none
 * @param productId  the API's product id, 0 when the answer has none
 * @param issuedAt   when the API issued it, null when the answer has no date
 * @param attachedAt when it was attached to a site, null when detached
 * @param revokedAt  when it was revoked, null until then
 * @param blogId     the site's blog id when attached, else 0
 * @param siteUrl    the site's URL when attached, else empty
 * @since 1.3
 */
public record License(String licenseId, String key, String product, long productId, Instant issuedAt,
                      Instant attachedAt, Instant revokedAt, long blogId, String siteUrl) {

    public License {
        licenseId = licenseId == null ? "" : licenseId;
        key = key == null ? "" : key;
        product = product == null ? "" : product;
        siteUrl = siteUrl == null ? "" : siteUrl;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Attached to a site and not revoked. */
    public boolean attached() {
        return !revoked() && (attachedAt != null || blogId > 0 || !siteUrl.isEmpty());
    }
}
