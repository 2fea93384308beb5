package org.billinghost.jetpack.partner;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Jetpack Partner API client, an OSGi service of the Jetpack server bundle. It never throws
 * for remote trouble: network failures, time-outs, empty, truncated or non-JSON bodies become an
 * {@link ApiOutcome} with a clear message. Access tokens are cached per credentials and renewed
 * only when the API refuses them.
 */
@ProviderType
public interface PartnerApi {
    /** Every message for staff starts with this. */
    String PREFIX = "JETPACK MODULE: ";

    /** Asks the API for a new token with these credentials (bypassing the cache). */
    ApiOutcome validateCredentials(PartnerCredentials credentials);

    /** Provisions {@code plan} for the site with {@code force_register=true} (first provisioning). */
    default ProvisionResult provision(PartnerCredentials credentials, Plan plan, String siteUrl, String localUser) {
        return provision(credentials, plan, siteUrl, localUser, true);
    }

    /**
     * Provisions {@code plan} for the site; {@code forceRegister} false sends no {@code force_register}
     * (a plan change on a connected site), and the call is repeated with it when the API answers
     * {@code method_not_found}.
     *
     * @since 1.2
     */
    ProvisionResult provision(PartnerCredentials credentials, Plan plan, String siteUrl, String localUser,
                              boolean forceRegister);

    /** Cancels the partner plan of the site. */
    ApiOutcome cancel(PartnerCredentials credentials, String siteUrl);

    SiteStatus status(PartnerCredentials credentials, String siteUrl);
}
