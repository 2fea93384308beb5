package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;

/** The sandbox's own endpoints: stats, sites, token revocation and reset. */
class InspectionTest extends SandboxTestSupport {


    @Test
    void statsCountEveryRequestPerEndpointRefusedAndFaultedOnesIncluded() {
        sandbox.post("/oauth2/token", SandboxHarness.tokenForm("1001", "wrong"), null);
        sandbox.provision(token, "example.com", "free");
        sandbox.provision("bad-token", "example.com", "free");
        sandbox.addFault("{\"endpoint\":\"provision\",\"drop\":true}");
        try {
            SandboxHarness.call(sandbox.freshClient(), sandbox.request("/rest/v1.3/jpphp/provision", token)
                    .post(okhttp3.RequestBody.create(new byte[0])).build());
        } catch (RuntimeException expected) {
            // the dropped call is what is being counted
        }
        sandbox.cancel(token, "example.com", Map.of());
        sandbox.status(token, "example.com");
        sandbox.status(token, "example.com");
        sandbox.get("/rest/v1.3/jpphp/1/upgrade-paths", token);

        JsonNode stats = sandbox.stats();

        assertThat(stats.get("token_requests").asInt()).as("the test support's token and the refused one").isEqualTo(2);
        assertThat(stats.get("provision_requests").asInt()).isEqualTo(3);
        assertThat(stats.get("cancel_requests").asInt()).isEqualTo(1);
        assertThat(stats.get("status_requests").asInt()).isEqualTo(2);
        assertThat(stats.get("upgrade_paths_requests").asInt()).isEqualTo(1);
        assertThat(stats.get("license_issue_requests").asInt()).isZero();
        assertThat(stats.size()).as("the Partner API's 5 endpoints and the Licensing API's 10").isEqualTo(15);
    }

    @Test
    void sitesListEachSiteWithPlanPartnerStateAndCounts() {
        sandbox.provision(token, "b.example/shop", "premium");
        sandbox.provision(token, "b.example/shop", "premium");
        sandbox.provision(token, "a.example", "free");
        sandbox.cancel(token, "a.example", Map.of());

        JsonNode sites = sandbox.get("/_sandbox/sites", null).json().get("sites");

        assertThat(sites).hasSize(2);
        JsonNode first = sites.get(0);
        assertThat(first.get("site").asText()).isEqualTo("b.example::shop");
        assertThat(first.get("siteurl").asText()).isEqualTo("b.example/shop");
        assertThat(first.get("blog_id").asLong()).isEqualTo(SiteRegistry.FIRST_BLOG_ID);
        assertThat(first.get("plan").asText()).isEqualTo("premium");
        assertThat(first.get("partner_id").asText()).isEqualTo("1001");
        assertThat(first.get("state").asText()).isEqualTo("provisioned");
        assertThat(first.get("local_user").asText()).isEqualTo("admin");
        assertThat(first.get("provision_count").asInt()).isEqualTo(2);
        assertThat(first.get("cancel_count").asInt()).isZero();
        assertThat(first.get("products")).isEmpty();
        JsonNode second = sites.get(1);
        assertThat(second.get("site").asText()).isEqualTo("a.example");
        assertThat(second.get("state").asText()).isEqualTo("cancelled");
        assertThat(second.get("cancel_count").asInt()).isEqualTo(1);
    }

    @Test
    void oneSiteIsFoundByIdentifierOrBlogIdAndAnUnknownOneAnswers404() {
        sandbox.provision(sandbox.token(), "example.com/wp", "free");

        JsonNode byName = sandbox.site("example.com::wp");
        JsonNode byId = sandbox.site(byName.get("blog_id").asText());

        assertThat(byId).isEqualTo(byName);
        assertThat(sandbox.get("/_sandbox/sites/other.example", null).code()).isEqualTo(404);
    }

    @Test
    void resetForgetsSitesCountsFaultsAndTokens() {
        sandbox.provision(token, "example.com", "free");
        sandbox.addFault("{\"endpoint\":\"status\",\"count\":-1,\"status\":500}");

        Reply reply = sandbox.postJson("/_sandbox/reset", "");

        assertThat(reply.code()).isEqualTo(200);
        assertThat(sandbox.get("/_sandbox/sites", null).json().get("sites")).isEmpty();
        assertThat(sandbox.get("/_sandbox/faults", null).json().get("faults")).isEmpty();
        assertThat(sandbox.stats().findValues("token_requests").get(0).asInt()).isZero();
        assertThat(sandbox.provision(token, "example.com", "free").json().get("error_code").asText()).isEqualTo("invalid_token");
        String fresh = sandbox.token();
        sandbox.provision(fresh, "example.com", "free");
        assertThat(sandbox.site("example.com").get("blog_id").asLong()).isEqualTo(SiteRegistry.FIRST_BLOG_ID);
    }

    @Test
    void revokingTokensKeepsTheSites() {
        sandbox.provision(token, "example.com", "free");

        assertThat(sandbox.postJson("/_sandbox/tokens/revoke", "").code()).isEqualTo(200);

        assertThat(sandbox.status(token, "example.com").json().get("error_code").asText()).isEqualTo("invalid_token");
        assertThat(sandbox.status(sandbox.token(), "example.com").json().get("plan").asText()).isEqualTo("free");
    }

    @Test
    void wrongMethodsAndUnknownPathsAreRefused() {
        assertThat(sandbox.get("/_sandbox/reset", null).code()).isEqualTo(405);
        assertThat(sandbox.postJson("/_sandbox/stats", "{}").code()).isEqualTo(405);
        Reply put = sandbox.call(sandbox.request("/_sandbox/faults", null)
                .put(okhttp3.RequestBody.create(new byte[0])).build());
        assertThat(put.code()).isEqualTo(405);
        assertThat(put.headers().get("Allow")).isEqualTo("GET, POST, DELETE");
        assertThat(sandbox.get("/_sandbox/nothing", null).code()).isEqualTo(404);
    }
}
