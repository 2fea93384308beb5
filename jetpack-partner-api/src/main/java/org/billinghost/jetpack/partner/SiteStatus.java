package org.billinghost.jetpack.partner;

/** The status endpoint's answer for a site; {@code plan} is a slug or empty. */
public record SiteStatus(ApiOutcome outcome, String plan, boolean partnerPlan, boolean provisionedByCallingPartner,
                         boolean connected, boolean pendingPlan) {
}
