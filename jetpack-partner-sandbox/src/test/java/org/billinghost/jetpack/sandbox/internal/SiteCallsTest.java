package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.OTHER_PARTNER;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.OTHER_SECRET;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;

/** partner-cancel, status and upgrade-paths. */
class SiteCallsTest extends SandboxTestSupport {


    @Test
    void cancelAnswersTrueThenFalseOnceNothingIsLeft() {
        sandbox.provision(token, "https://example.com/demo/wp/", "premium");

        Reply first = sandbox.cancel(token, "example.com::demo::wp", Map.of());
        Reply second = sandbox.cancel(token, "example.com::demo::wp", Map.of());

        assertThat(first.code()).isEqualTo(200);
        assertThat(first.json().get("success").asBoolean()).isTrue();
        assertThat(second.code()).isEqualTo(200);
        assertThat(second.json().get("success").asBoolean()).isFalse();
        JsonNode site = sandbox.site("example.com::demo::wp");
        assertThat(site.get("state").asText()).isEqualTo("cancelled");
        assertThat(site.get("plan").asText()).isEqualTo("premium");
        assertThat(site.get("cancel_count").asInt()).isEqualTo(2);
    }

    @Test
    void cancelAcceptsTheBlogIdAndAMultipartBody() {
        sandbox.provision(token, "example.com", "free");
        String blogId = sandbox.site("example.com").get("blog_id").asText();

        Reply reply = sandbox.postMultipart("/rest/v1.3/jpphp/" + blogId + "/partner-cancel", Map.of("cancel-all", "true"), token);

        assertThat(reply.json().get("success").asBoolean()).isTrue();
    }

    @Test
    void cancellingOneItemKeepsTheRest() {
        sandbox.provision(token, "example.com", "premium");
        sandbox.provision(token, "example.com", "jetpack-scan");

        Reply reply = sandbox.cancel(token, "example.com", Map.of("plan", "jetpack-scan"));

        assertThat(reply.json().get("success").asBoolean()).isTrue();
        JsonNode status = sandbox.status(token, "example.com").json();
        assertThat(status.get("plan").asText()).isEqualTo("premium");
        assertThat(status.get("products")).isEmpty();
        assertThat(sandbox.cancel(token, "example.com", Map.of("plan", "personal")).json().get("success").asBoolean())
                .isFalse();
    }

    @Test
    void cancelAllRemovesPlanAndItems() {
        sandbox.provision(token, "example.com", "premium");
        sandbox.provision(token, "example.com", "jetpack-scan");

        sandbox.cancel(token, "example.com", Map.of("plan", "premium", "cancel-all", "true"));

        JsonNode status = sandbox.status(token, "example.com").json();
        assertThat(status.get("plan").asText()).isEmpty();
        assertThat(status.get("products")).isEmpty();
    }

    @Test
    void cancelWithAPlanThatIsNoJetpackPlanAnswersNotJpsPlan() {
        sandbox.provision(token, "example.com", "premium");

        Reply reply = sandbox.cancel(token, "example.com", Map.of("plan", "business"));

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("not_jps_plan");
        assertThat(sandbox.status(token, "example.com").json().get("plan").asText()).isEqualTo("premium");
    }

    @Test
    void cancelOfASiteNeverSeenAnswersInvalidBlog() {
        Reply reply = sandbox.cancel(token, "never.example", Map.of());

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_blog");
    }

    @Test
    void cancelWithAPathStillInSlashesAnswers404LikeAnUnknownRoute() {
        sandbox.provision(token, "example.com/demo", "free");

        Reply reply = sandbox.post("/rest/v1.3/jpphp/example.com/demo/partner-cancel", Map.of(), token);

        assertThat(reply.code()).isEqualTo(404);
        assertThat(sandbox.site("example.com::demo").get("state").asText()).isEqualTo("provisioned");
    }

    @Test
    void cancelWithAMalformedIdentifierAnswersInvalidInput() {
        Reply reply = sandbox.cancel(token, "https:::::example.com", Map.of());

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_input");
    }

    @Test
    void cancelByAnotherPartnerAnswersIncorrectPartnerKey() {
        sandbox.provision(token, "example.com", "premium");
        String other = sandbox.token(OTHER_PARTNER, OTHER_SECRET);

        Reply reply = sandbox.cancel(other, "example.com", Map.of());

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("incorrect_partner_key");
        assertThat(sandbox.site("example.com").get("state").asText()).isEqualTo("provisioned");
    }

    @Test
    void cancelNeedsAValidToken() {
        sandbox.provision(token, "example.com", "premium");

        Reply reply = sandbox.cancel("stale", "example.com", Map.of());

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_token");
        assertThat(sandbox.site("example.com").get("cancel_count").asInt()).isZero();
    }

    @Test
    void statusDescribesAProvisionedSite() {
        sandbox.provision(token, "example.com", "personal");
        sandbox.provision(token, "example.com", "jetpack-backup-daily");

        Reply reply = sandbox.status(token, "example.com");

        assertThat(reply.code()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("plan").asText()).isEqualTo("personal");
        assertThat(json.get("is_partner_plan").asBoolean()).isTrue();
        assertThat(json.get("is_provisioned_by_calling_partner").asBoolean()).isTrue();
        assertThat(json.get("is_connected").asBoolean()).isFalse();
        assertThat(json.get("has_pending_plan").asBoolean()).isTrue();
        assertThat(json.get("products")).extracting(JsonNode::asText).containsExactly("jetpack-backup-daily");
        assertThat(json.get("blog_id").asLong()).isEqualTo(sandbox.site("example.com").get("blog_id").asLong());
    }

    @Test
    void statusAfterCancellationShowsNoPlan() {
        sandbox.provision(token, "example.com", "personal");
        sandbox.cancel(token, "example.com", Map.of());

        JsonNode json = sandbox.status(token, "example.com").json();

        assertThat(json.get("plan").asText()).isEmpty();
        assertThat(json.get("is_partner_plan").asBoolean()).isFalse();
        assertThat(json.get("is_provisioned_by_calling_partner").asBoolean()).isFalse();
        assertThat(json.get("has_pending_plan").asBoolean()).isFalse();
    }

    @Test
    void statusForAnotherPartnerSaysItDidNotProvision() {
        sandbox.provision(token, "example.com", "personal");
        String other = sandbox.token(OTHER_PARTNER, OTHER_SECRET);

        JsonNode json = sandbox.status(other, "example.com").json();

        assertThat(json.get("plan").asText()).isEqualTo("personal");
        assertThat(json.get("is_provisioned_by_calling_partner").asBoolean()).isFalse();
    }

    @Test
    void statusOfASiteNeverSeenAnswersInvalidBlogAndPostAnswers405() {
        assertThat(sandbox.status(token, "never.example").code()).isEqualTo(403);
        assertThat(sandbox.post("/rest/v1.3/jpphp/never.example/status", Map.of(), token).code()).isEqualTo(405);
    }

    @Test
    void upgradePathsListWhatMayStillBeProvisioned() {
        sandbox.provision(token, "example.com", "free");
        String blogId = sandbox.site("example.com").get("blog_id").asText();

        JsonNode free = upgradePaths(blogId);
        sandbox.provision(token, "example.com", "premium");
        sandbox.provision(token, "example.com", "jetpack-backup-daily");
        JsonNode premium = upgradePaths(blogId);

        assertThat(free.get("jetpack-plans")).extracting(JsonNode::asText).containsExactly("personal", "premium", "professional");
        assertThat(free.get("jetpack-backup")).extracting(JsonNode::asText)
                .containsExactly("jetpack-backup-daily", "jetpack-backup-realtime");
        assertThat(premium.get("jetpack-plans")).extracting(JsonNode::asText).containsExactly("professional");
        assertThat(premium.get("jetpack-backup")).extracting(JsonNode::asText).containsExactly("jetpack-backup-realtime");
    }

    @Test
    void upgradePathsOfACancelledSiteOfferEveryPlan() {
        sandbox.provision(token, "example.com", "professional");
        sandbox.cancel(token, "example.com", Map.of());
        String blogId = sandbox.site("example.com").get("blog_id").asText();

        assertThat(upgradePaths(blogId).get("jetpack-plans")).extracting(JsonNode::asText)
                .containsExactly("free", "personal", "premium", "professional");
    }

    @Test
    void upgradePathsOfAnUnknownBlogAnswerInvalidBlog() {
        Reply reply = sandbox.get("/rest/v1.3/jpphp/12345/upgrade-paths", token);

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_blog");
    }

    @Test
    void blogIdsAreDistinctPerSite() {
        sandbox.provision(token, "one.example", "free");
        sandbox.provision(token, "two.example", "free");

        assertThat(sandbox.site("one.example").get("blog_id").asLong())
                .isEqualTo(SiteRegistry.FIRST_BLOG_ID)
                .isNotEqualTo(sandbox.site("two.example").get("blog_id").asLong());
    }

    @Test
    void unknownPathsAnswer404() {
        Reply reply = sandbox.get("/rest/v1.1/sites/example.com", token);

        assertThat(reply.code()).isEqualTo(404);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("unknown_endpoint");
    }

    private JsonNode upgradePaths(String blogId) {
        Reply reply = sandbox.get("/rest/v1.3/jpphp/" + blogId + "/upgrade-paths", token);
        assertThat(reply.code()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void theNestedStatusShapeIsASetting() throws Exception {
        try (SandboxHarness nested = SandboxHarness.start(ErrorShape.ERROR_CODE, true)) {
            String token = nested.token();
            nested.provision(token, "example.com", "premium");
            long blogId = nested.site("example.com").get("blog_id").asLong();

            assertThat(nested.get("/rest/v1.4/jpphp/example.com/status", token).body()).isEqualTo("{\"blog\":{\"blog_id\":" + blogId
                    + ",\"plan\":{\"product_slug\":\"premium\"},\"is_partner_plan\":true,"
                    + "\"is_provisioned_by_calling_partner\":true,\"is_connected\":false,\"has_pending_plan\":true},"
                    + "\"products\":[]}");
        }
    }
}
