package org.billinghost.jetpack.partner;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Jetpack Licensing API client, an OSGi service of the Jetpack server bundle. As {@link PartnerApi}, it never
 * throws for remote trouble: every failure is an {@link ApiOutcome} whose message starts with
 * {@link PartnerApi#PREFIX}, transient for time-outs, lost connections, 429 and 5xx. {@code token} is the
 * partner's API token, never logged.
 *
 * <p>{@link #issue} is not idempotent at the API: each call creates (and bills) a license. A caller that did not
 * get the answer must look for the license with {@link #licenses} before issuing again.
 *
 * @since 1.3
 */
@ProviderType
public interface LicensingApi {

    /** {@code POST /license}: issues a new license of the product. */
    LicenseResult issue(String token, String productSlug);

    /** {@code GET /license}: the license's current state. */
    LicenseResult license(String token, String key);

    /** {@code DELETE /license}: revokes it for good; the API answers {@code license_already_revoked} the second time. */
    LicenseResult revoke(String token, String key);

    /** {@code POST /license/{key}/site}: attaches it to a site (blog id, URL or {@code host::path}). */
    LicenseResult attach(String token, String key, String site);

    /** {@code DELETE /license/{key}/site}, without the cancellation e-mail. */
    LicenseResult detach(String token, String key);

    /** {@code GET /licenses}: one page of the partner's licenses. */
    LicensePage licenses(String token, LicenseQuery query);

    /** {@code GET /product-families} (no token), cached for a while (a failure for a minute). */
    LicenseCatalogue catalogue();

    /** {@code GET /partner/product-families}: what this partner may buy, at its cost. */
    LicenseCatalogue partnerCatalogue(String token);
}
