package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer of the status endpoint; {@code blog_id} is a sandbox addition so clients can ask for upgrade paths. */
record SiteStatus(
        @JsonProperty("plan") String plan,
        @JsonProperty("is_partner_plan") boolean partnerPlan,
        @JsonProperty("is_provisioned_by_calling_partner") boolean provisionedByCallingPartner,
        @JsonProperty("is_connected") boolean connected,
        @JsonProperty("has_pending_plan") boolean pendingPlan,
        @JsonProperty("products") List<String> products,
        @JsonProperty("blog_id") long blogId) {
}
