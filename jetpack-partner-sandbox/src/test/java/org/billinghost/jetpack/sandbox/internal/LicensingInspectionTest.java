package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.LICENSING_TOKEN;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.NO_ATTACH_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;

/** The sandbox's licensing endpoints: every license, the calls that changed one, billing, direct creation, reset. */
class LicensingInspectionTest extends SandboxTestSupport {

    @Test
    void listsEveryLicenseWithPartnerStateSiteAndDates() {
        String attached = sandbox.issue(LICENSING_TOKEN, "jetpack-scan");
        String revoked = sandbox.issue(NO_ATTACH_TOKEN, "premium");
        sandbox.attach(LICENSING_TOKEN, attached, "shop.example");
        sandbox.revoke(NO_ATTACH_TOKEN, revoked);

        JsonNode licenses = sandbox.get("/_sandbox/licenses", null).json().get("licenses");

        assertThat(licenses).hasSize(2);
        JsonNode first = licenses.get(0);
        assertThat(first.get("license_key").asText()).isEqualTo(attached);
        assertThat(first.get("partner_id").asText()).isEqualTo("1001");
        assertThat(first.get("product").asText()).isEqualTo("jetpack-scan");
        assertThat(first.get("state").asText()).isEqualTo("attached");
        assertThat(first.get("siteurl").asText()).isEqualTo("https://shop.example");
        assertThat(first.get("attached_at").asText()).isNotBlank();
        assertThat(first.get("issued_by").asText()).isEqualTo("api");
        assertThat(licenses.get(1).get("partner_id").asText()).isEqualTo("2002");
        assertThat(licenses.get(1).get("state").asText()).isEqualTo("revoked");
        assertThat(licenses.get(1).get("revoked_at").asText()).isNotBlank();
        assertThat(sandbox.get("/_sandbox/licenses", null).body()).doesNotContain(LICENSING_TOKEN);
    }

    @Test
    void countsTheCallsThatTookEffect() {
        String one = sandbox.issue(LICENSING_TOKEN, "premium");
        String two = sandbox.issue(LICENSING_TOKEN, "premium");
        sandbox.attach(LICENSING_TOKEN, one, "example.com");
        sandbox.attach(LICENSING_TOKEN, one, "example.com");
        sandbox.licensing("DELETE", "/license/" + one + "/site", LICENSING_TOKEN, null);
        sandbox.revoke(LICENSING_TOKEN, two);
        sandbox.revoke(LICENSING_TOKEN, two);
        sandbox.licensing("POST", "/license?product=nothing", LICENSING_TOKEN, null);

        JsonNode calls = sandbox.get("/_sandbox/licenses", null).json().get("calls");
        JsonNode stats = sandbox.stats();

        assertThat(calls.get("issue").asInt()).isEqualTo(2);
        assertThat(calls.get("attach").asInt()).isEqualTo(1);
        assertThat(calls.get("detach").asInt()).isEqualTo(1);
        assertThat(calls.get("revoke").asInt()).isEqualTo(1);
        assertThat(calls.get("created_at_sandbox").asInt()).isZero();
        assertThat(stats.get("license_issue_requests").asInt()).isEqualTo(3);
        assertThat(stats.get("license_revoke_requests").asInt()).isEqualTo(2);
        assertThat(stats.get("license_attach_requests").asInt()).isEqualTo(2);
        assertThat(stats.get("license_detach_requests").asInt()).isEqualTo(1);
    }

    @Test
    void billingCountsEveryLicenseIssuedPerPartnerRevokedOnesIncluded() {
        sandbox.issue(LICENSING_TOKEN, "jetpack-scan");
        String revoked = sandbox.issue(LICENSING_TOKEN, "premium");
        sandbox.revoke(LICENSING_TOKEN, revoked);
        sandbox.issue(NO_ATTACH_TOKEN, "free");

        JsonNode billing = sandbox.get("/_sandbox/licenses/billing", null).json().get("billing");

        assertThat(billing).hasSize(3);
        assertThat(billing.get(0).get("partner_id").asText()).isEqualTo("1001");
        assertThat(billing.get(0).get("licenses_billed").asInt()).isEqualTo(2);
        assertThat(billing.get(0).get("amount_billed").decimalValue()).isEqualByComparingTo("12.90");
        assertThat(billing.get(0).get("currency").asText()).isEqualTo("usd");
        assertThat(billing.get(1).get("licenses_billed").asInt()).isEqualTo(1);
        assertThat(billing.get(2).get("partner_id").asText()).isEqualTo("3003");
        assertThat(billing.get(2).get("licenses_billed").asInt()).isZero();
    }

    @Test
    void aLicenseCreatedAtTheSandboxIsBilledAndVisibleToItsPartner() {
        Reply byToken = sandbox.postJson("/_sandbox/licenses", "{\"token\":\"" + LICENSING_TOKEN + "\",\"product\":\"jetpack-scan\"}");
        Reply byId = sandbox.postJson("/_sandbox/licenses",
                "{\"partner_id\":\"1001\",\"product\":\"premium\",\"site\":\"orphan.example\"}");

        assertThat(byToken.code()).isEqualTo(200);
        assertThat(byToken.json().get("issued_by").asText()).isEqualTo("sandbox");
        assertThat(byToken.json().get("state").asText()).isEqualTo("detached");
        assertThat(byId.json().get("state").asText()).isEqualTo("attached");
        assertThat(byId.json().get("siteurl").asText()).isEqualTo("https://orphan.example");
        String key = byId.json().get("license_key").asText();
        assertThat(sandbox.licensing("GET", "/license?license_key=" + key, LICENSING_TOKEN, null).code()).isEqualTo(200);
        assertThat(sandbox.licensing("GET", "/licenses/counts", LICENSING_TOKEN, null).json().get("not_revoked").asInt())
                .isEqualTo(2);
        assertThat(sandbox.get("/_sandbox/licenses/billing", null).json().get("billing").get(0).get("licenses_billed").asInt())
                .isEqualTo(2);
        JsonNode calls = sandbox.get("/_sandbox/licenses", null).json().get("calls");
        assertThat(calls.get("created_at_sandbox").asInt()).isEqualTo(2);
        assertThat(calls.get("issue").asInt()).isZero();
    }

    @Test
    void refusesADirectLicenseThatMakesNoSenseAndCreatesNone() {
        assertRefused("{\"product\":\"premium\"}", "exactly one of partner_id and token");
        assertRefused("{\"partner_id\":\"1001\",\"token\":\"" + LICENSING_TOKEN + "\",\"product\":\"premium\"}", "exactly one");
        assertRefused("{\"partner_id\":\"9999\",\"product\":\"premium\"}", "No configured licensing partner");
        assertRefused("{\"token\":\"nope\",\"product\":\"premium\"}", "No configured licensing partner");
        assertRefused("{\"partner_id\":\"1001\",\"product\":\"nothing\"}", "product must be");
        assertRefused("{\"partner_id\":\"1001\",\"product\":\"premium\",\"site\":\"x.invalid\"}", "does not exist");
        assertRefused("{\"partner_id\":\"1001\",\"product\":\"premium\",\"sku\":1}", "Unknown field 'sku'");
        assertRefused("not json", "JSON object");
        assertThat(sandbox.get("/_sandbox/licenses", null).json().get("licenses")).isEmpty();
    }

    @Test
    void showsOneLicenseByKey() {
        String key = sandbox.issue(LICENSING_TOKEN, "premium");

        assertThat(sandbox.get("/_sandbox/licenses/" + key, null).json().get("product").asText()).isEqualTo("premium");
        Reply unknown = sandbox.get("/_sandbox/licenses/premium_nothing", null);
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("unknown_license");
        assertThat(sandbox.delete("/_sandbox/licenses").code()).isEqualTo(405);
    }

    @Test
    void resetForgetsLicensesAndTheirCounts() {
        sandbox.issue(LICENSING_TOKEN, "premium");

        sandbox.reset();

        JsonNode inspection = sandbox.get("/_sandbox/licenses", null).json();
        assertThat(inspection.get("licenses")).isEmpty();
        assertThat(inspection.get("calls").get("issue").asInt()).isZero();
        assertThat(sandbox.stats().get("license_issue_requests").asInt()).isZero();
        assertThat(sandbox.get("/_sandbox/licenses/billing", null).json().get("billing").get(0).get("licenses_billed").asInt())
                .isZero();
    }

    private void assertRefused(String json, String messagePart) {
        Reply reply = sandbox.postJson("/_sandbox/licenses", json);
        assertThat(reply.code()).as(json).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_license");
        assertThat(reply.json().get("message").asText()).as(json).contains(messagePart);
    }
}
