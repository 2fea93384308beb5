package org.billinghost.jetpack.partner;

/**
 * The status endpoint's answer for a site; {@code plan} is a slug or empty.
 *
 * @param blogId the site's WordPress.com blog id when the answer gives it, else 0
 * @since 1.2 for {@code blogId}
 */
public record SiteStatus(ApiOutcome outcome, String plan, boolean partnerPlan, boolean provisionedByCallingPartner,
                         boolean connected, boolean pendingPlan, long blogId) {

    /** A status without blog id (the form of version 1.1 of this package). */
    public SiteStatus(ApiOutcome outcome, String plan, boolean partnerPlan, boolean provisionedByCallingPartner,
                      boolean connected, boolean pendingPlan) {
        this(outcome, plan, partnerPlan, provisionedByCallingPartner, connected, pendingPlan, 0);
    }
}
