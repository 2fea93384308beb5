package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A site as {@code /_sandbox/sites} shows it.
 *
 * @param plan the plan provisioned last, kept after a cancellation ({@code state} says whether it is active)
 * @param state {@code provisioned} while the site holds a plan or item, else {@code cancelled}
 * @param forceRegisterCount how many of the provision calls carried {@code force_register}
 * @param connected the customer connected the site to Jetpack ({@code POST /_sandbox/sites/{site}/connect})
 */
record SiteView(
        @JsonProperty("site") String site,
        @JsonProperty("siteurl") String siteUrl,
        @JsonProperty("blog_id") long blogId,
        @JsonProperty("plan") String plan,
        @JsonProperty("products") List<String> products,
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("state") String state,
        @JsonProperty("connected") boolean connected,
        @JsonProperty("local_user") String localUser,
        @JsonProperty("provision_count") long provisionCount,
        @JsonProperty("force_register_count") long forceRegisterCount,
        @JsonProperty("cancel_count") long cancelCount) {
}
