package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.OTHER_PARTNER;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.OTHER_SECRET;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.provisionForm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionEndpointTest extends SandboxTestSupport {

    private static final String PROVISION = "/rest/v1.3/jpphp/provision";


    @Test
    void answersSuccessWithTheAuthorizeUrl() {
        Reply reply = sandbox.provision(token, "example.com", "premium");

        assertThat(reply.code()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("success").asBoolean()).isTrue();
        assertThat(json.get("auth_required").asBoolean()).isTrue();
        long blogId = sandbox.site("example.com").get("blog_id").asLong();
        assertThat(json.get("next_url").asText()).isEqualTo(
                "https://jetpack.wordpress.com/jetpack.authorize/1/?site=example.com&blog_id=" + blogId + "&plan=premium");
    }

    @Test
    void answersAnEmptyNextUrlForADomainThatDoesNotResolve() {
        Reply reply = sandbox.provision(token, "https://new-shop.invalid/", "personal");

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(reply.json().get("next_url").asText()).isEmpty();
        assertThat(sandbox.site("new-shop.invalid").get("state").asText()).isEqualTo("provisioned");
    }

    @Test
    void namesTheSiteWithoutSchemeAndTrailingSlashesAndWithPathsAsDoubleColons() {
        sandbox.provision(token, "HTTPS://Example.COM/demo/wp//", "free");

        JsonNode site = sandbox.site("example.com::demo::wp");
        assertThat(site.get("site").asText()).isEqualTo("example.com::demo::wp");
        assertThat(site.get("siteurl").asText()).isEqualTo("example.com/demo/wp");
        assertThat(sandbox.provision(token, "http://example.com/demo/wp", "free").code()).isEqualTo(200);
        assertThat(sandbox.site("example.com::demo::wp").get("provision_count").asInt()).isEqualTo(2);
    }

    @Test
    void provisioningTheSamePlanAgainSucceedsAgain() {
        sandbox.provision(token, "example.com", "premium");

        Reply again = sandbox.provision(token, "example.com", "premium");

        assertThat(again.code()).isEqualTo(200);
        assertThat(again.json().get("success").asBoolean()).isTrue();
        JsonNode site = sandbox.site("example.com");
        assertThat(site.get("provision_count").asInt()).isEqualTo(2);
        assertThat(site.get("plan").asText()).isEqualTo("premium");
    }

    @Test
    void aHigherPlanUpgradesTheSite() {
        sandbox.provision(token, "example.com", "personal");

        Reply reply = sandbox.provision(token, "example.com", "professional");

        assertThat(reply.code()).isEqualTo(200);
        assertThat(sandbox.site("example.com").get("plan").asText()).isEqualTo("professional");
    }

    @Test
    void aLowerPlanIsRefusedAndLeavesThePlan() {
        sandbox.provision(token, "example.com", "premium");

        Reply reply = sandbox.provision(token, "example.com", "personal");

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("plan_downgrade_disallowed");
        assertThat(reply.json().get("error_message").asText()).isNotBlank();
        assertThat(sandbox.site("example.com").get("plan").asText()).isEqualTo("premium");
    }

    @Test
    void standaloneItemsSitBesideThePlanAndRankWithinTheirFamily() {
        sandbox.provision(token, "example.com", "premium");
        assertThat(sandbox.provision(token, "example.com", "jetpack-backup-daily").code()).isEqualTo(200);
        assertThat(sandbox.provision(token, "example.com", "jetpack-scan").code()).isEqualTo(200);
        assertThat(sandbox.provision(token, "example.com", "jetpack-backup-realtime").code()).isEqualTo(200);

        Reply downgrade = sandbox.provision(token, "example.com", "jetpack-backup-daily");

        assertThat(downgrade.json().get("error_code").asText()).isEqualTo("plan_downgrade_disallowed");
        JsonNode site = sandbox.site("example.com");
        assertThat(site.get("plan").asText()).isEqualTo("premium");
        assertThat(site.get("products")).extracting(JsonNode::asText)
                .containsExactly("jetpack-backup-realtime", "jetpack-scan");
    }

    @Test
    void anItemAloneProvisionsASiteWithoutPlan() {
        assertThat(sandbox.provision(token, "example.com", "jetpack-anti-spam").code()).isEqualTo(200);

        JsonNode status = sandbox.status(token, "example.com").json();
        assertThat(status.get("plan").asText()).isEmpty();
        assertThat(status.get("products")).extracting(JsonNode::asText).containsExactly("jetpack-anti-spam");
    }

    @Test
    void refusesAMissingSiteUrl() {
        Map<String, String> form = new HashMap<>(provisionForm("x", "free"));
        form.remove("siteurl");

        Reply reply = sandbox.post(PROVISION, form, token);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_siteurl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "exa mple.com", "example.com/a b", "example.com?x=1", "-bad-.com", "a.com//b"})
    void refusesSomethingThatIsNotASiteUrl(String siteurl) {
        Reply reply = sandbox.provision(token, siteurl, "free");

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_siteurl");
        assertThat(sandbox.get("/_sandbox/sites", null).json().get("sites")).isEmpty();
    }

    @Test
    void refusesAMissingLocalUser() {
        Map<String, String> form = new HashMap<>(provisionForm("example.com", "free"));
        form.put("local_user", " ");

        Reply reply = sandbox.post(PROVISION, form, token);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_local_user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gold", "Premium", "", "jetpack_premium"})
    void refusesAnUnknownPlan(String plan) {
        Reply reply = sandbox.provision(token, "example.com", plan);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_plan");
        assertThat(sandbox.get("/_sandbox/sites", null).json().get("sites")).isEmpty();
    }

    @Test
    void withoutForceRegisterAnswersMethodNotFound() {
        Map<String, String> form = new HashMap<>(provisionForm("example.com", "free"));
        form.remove("force_register");

        Reply reply = sandbox.post(PROVISION, form, token);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("method_not_found");
        assertThat(reply.json().get("error_message").asText()).contains("force_register=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "TRUE"})
    void forceRegisterIsAcceptedAsOneOrTrue(String value) {
        Map<String, String> form = new HashMap<>(provisionForm("example.com", "free"));
        form.put("force_register", value);

        assertThat(sandbox.post(PROVISION, form, token).code()).isEqualTo(200);
    }

    @Test
    void aConnectedSiteGetsThePlanWithoutLinkAndWithoutForceRegister() {
        sandbox.provision(token, "example.com", "personal");
        assertThat(sandbox.post("/_sandbox/sites/example.com/connect", Map.of(), null).code()).isEqualTo(200);
        Map<String, String> form = new HashMap<>(provisionForm("example.com", "premium"));
        form.remove("force_register");

        Reply reply = sandbox.post(PROVISION, form, token);

        assertThat(reply.body()).isEqualTo("{\"success\":true,\"auth_required\":false}");
        assertThat(sandbox.status(token, "example.com").json().get("is_connected").asBoolean()).isTrue();
        assertThat(sandbox.site("example.com").get("force_register_count").asLong()).isEqualTo(1);
    }

    @Test
    void theOtherErrorShapeIsASetting() throws Exception {
        try (SandboxHarness other = SandboxHarness.start(ErrorShape.ERROR, false)) {
            Reply reply = other.provision(other.token(), "", "free");

            assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_siteurl\",\"message\":\"siteurl is missing.\"}");
        }
    }

    @Test
    void acceptsTheOptionalFieldsAndAMultipartBody() {
        Map<String, String> form = new HashMap<>(provisionForm("example.com", "personal"));
        form.put("force_connect", "true");
        form.put("onboarding", "1");

        Reply reply = sandbox.postMultipart(PROVISION, form, token);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(sandbox.site("example.com").get("local_user").asText()).isEqualTo("admin");
    }

    @Test
    void withoutATokenAnswers403() {
        Reply reply = sandbox.provision(null, "example.com", "free");

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void anUnknownTokenAnswers403InvalidTokenSoClientsRenewIt() {
        Reply reply = sandbox.provision("not-a-token", "example.com", "free");

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_token");
        assertThat(sandbox.get("/_sandbox/sites", null).json().get("sites")).isEmpty();
    }

    @Test
    void aSiteHeldByAnotherPartnerAnswersIncorrectPartnerKey() {
        sandbox.provision(token, "example.com", "premium");
        String other = sandbox.token(OTHER_PARTNER, OTHER_SECRET);

        Reply reply = sandbox.provision(other, "example.com", "professional");

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("incorrect_partner_key");
        assertThat(sandbox.site("example.com").get("plan").asText()).isEqualTo("premium");
    }

    @Test
    void anotherPartnerMayProvisionASiteAfterItsPlanWasCancelled() {
        sandbox.provision(token, "example.com", "premium");
        sandbox.cancel(token, "example.com", Map.of());
        String other = sandbox.token(OTHER_PARTNER, OTHER_SECRET);

        Reply reply = sandbox.provision(other, "example.com", "free");

        assertThat(reply.code()).isEqualTo(200);
        JsonNode site = sandbox.site("example.com");
        assertThat(site.get("partner_id").asText()).isEqualTo(OTHER_PARTNER);
        assertThat(site.get("plan").asText()).isEqualTo("free");
    }

    @Test
    void answersGetWith405() {
        assertThat(sandbox.get(PROVISION, token).code()).isEqualTo(405);
    }
}
