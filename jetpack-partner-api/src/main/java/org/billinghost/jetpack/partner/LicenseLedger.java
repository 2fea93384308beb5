package org.billinghost.jetpack.partner;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The partner's licenses at the Licensing API compared with the licenses the {@code jetpack_licensing} module
 * recorded for its services; an OSGi service of the Jetpack server bundle. Messages start with
 * {@link PartnerApi#PREFIX}.
 *
 * @since 1.3
 */
@ProviderType
public interface LicenseLedger {

    /** Lists every license of the token's partner and joins each with the service that owns it. */
    LicenseReport report(String token);

    /** Revokes a license that no service owns; refused (nothing sent) when a service owns it. */
    ApiOutcome revokeOrphan(String token, String key);

    /**
     * Makes a license no service owns the license of a {@code jetpack_licensing} service that has none (or whose
     * license the API no longer knows or revoked). Refused, with nothing changed, otherwise.
     */
    ApiOutcome assign(String token, String key, long serviceId);
}
