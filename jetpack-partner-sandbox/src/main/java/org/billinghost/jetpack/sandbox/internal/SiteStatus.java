package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer of the status endpoint; {@code blog_id} is a sandbox addition so clients can ask for upgrade paths. */
record SiteStatus(
        @JsonProperty("plan") String plan,
        @JsonProperty("is_partner_plan") boolean partnerPlan,
        @JsonProperty("is_provisioned_by_calling_partner") boolean provisionedByCallingPartner,
        @JsonProperty("is_connected") boolean connected,
        @JsonProperty("has_pending_plan") boolean pendingPlan,
        @JsonProperty("products") List<String> products,
        @JsonProperty("blog_id") long blogId) {

    /** The shape of newer API versions: the site's facts under {@code blog}, the plan as an object, products beside. */
    Map<String, Object> nested() {
        Map<String, Object> blog = new LinkedHashMap<>();
        blog.put("blog_id", blogId);
        blog.put("plan", plan.isEmpty() ? null : Map.of("product_slug", plan));
        blog.put("is_partner_plan", partnerPlan);
        blog.put("is_provisioned_by_calling_partner", provisionedByCallingPartner);
        blog.put("is_connected", connected);
        blog.put("has_pending_plan", pendingPlan);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("blog", blog);
        answer.put("products", products);
        return answer;
    }
}
