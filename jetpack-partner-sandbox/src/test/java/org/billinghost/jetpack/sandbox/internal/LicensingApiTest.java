package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.LICENSING_TOKEN;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.NO_ATTACH_TOKEN;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.SCAN_ONLY_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;

/** The Licensing API contract: every endpoint and every error code of the spec's choices. */
class LicensingApiTest extends SandboxTestSupport {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    @Test
    void issueTakesTheProductFromTheQueryAndAnswersADetachedLicense() {
        Reply reply = sandbox.licensing("POST", "/license?product=jetpack-scan", LICENSING_TOKEN, null);

        assertThat(reply.code()).isEqualTo(200);
        JsonNode license = reply.json();
        assertThat(license.get("license_key").asText()).matches("jetpack-scan_[A-Za-z0-9]{25}");
        assertThat(license.get("license_id").asLong()).isPositive();
        assertThat(license.get("product_id").asLong()).isEqualTo(2106);
        assertThat(license.get("product").asText()).isEqualTo("Jetpack Scan");
        assertThat(license.get("issued_at").asText()).matches(TIMESTAMP);
        assertThat(license.get("revoked_at").isNull()).isTrue();
        assertThat(license.get("attached_at").isNull()).isTrue();
        assertThat(license.get("blog_id").isNull()).isTrue();
        assertThat(license.get("siteurl").isNull()).isTrue();
    }

    @Test
    void issueTakesTheProductFromAJsonBodyAndATrailingSlashAndIsNotIdempotent() {
        Reply first = sandbox.licensing("POST", "/license/", LICENSING_TOKEN, "{\"product\":\"jetpack-backup-daily\"}");
        Reply second = sandbox.licensing("POST", "/license", LICENSING_TOKEN, "{\"product\":\"jetpack-backup-daily\"}");

        assertThat(first.code()).isEqualTo(200);
        assertThat(second.code()).isEqualTo(200);
        assertThat(first.json().get("license_key").asText()).startsWith("jetpack-backup-daily_")
                .isNotEqualTo(second.json().get("license_key").asText());
        assertThat(licensesAtTheSandbox()).hasSize(2);
    }

    @Test
    void issueRefusesUnknownMissingAndNotAllowedProducts() {
        assertError(sandbox.licensing("POST", "/license?product=jetpack-nothing", LICENSING_TOKEN, null), 400, "invalid_product");
        assertError(sandbox.licensing("POST", "/license", LICENSING_TOKEN, null), 400, "rest_missing_callback_param");
        assertError(sandbox.licensing("POST", "/license?product=jetpack-complete", SCAN_ONLY_TOKEN, null), 400, "invalid_product");
        assertError(sandbox.licensing("POST", "/license?product=" + "x".repeat(65), LICENSING_TOKEN, null), 400, "rest_invalid_param");
        assertThat(sandbox.licensing("POST", "/license?product=jetpack-scan", SCAN_ONLY_TOKEN, null).code()).isEqualTo(200);
        assertThat(licensesAtTheSandbox()).hasSize(1);
    }

    @Test
    void aParameterGivenInTheQueryAndTheBodyMustAgree() {
        assertError(sandbox.licensing("POST", "/license?product=jetpack-scan", LICENSING_TOKEN, "{\"product\":\"premium\"}"),
                400, "rest_invalid_param");
        assertError(sandbox.licensing("POST", "/license", LICENSING_TOKEN, "{\"product\":[\"premium\"]}"), 400, "rest_invalid_param");
        assertError(sandbox.licensing("POST", "/license", LICENSING_TOKEN, "not json"), 400, "rest_invalid_json");
        assertError(sandbox.licensing("POST", "/license", LICENSING_TOKEN, "[1]"), 400, "rest_invalid_json");
        assertThat(sandbox.licensing("POST", "/license?product=premium", LICENSING_TOKEN, "{\"product\":\"premium\"}").code())
                .isEqualTo(200);
        assertThat(licensesAtTheSandbox()).hasSize(1);
    }

    @Test
    void aBadOrMissingTokenIsRefusedOnEveryCallButTheCatalogue() {
        String[][] calls = {{"GET", "/license?license_key=k"}, {"POST", "/license?product=premium"},
            {"DELETE", "/license?license_key=k"}, {"POST", "/license/k/site"}, {"DELETE", "/license/k/site"},
            {"GET", "/partner/product-families"}, {"POST", "/site-connection"}, {"GET", "/licenses"},
            {"GET", "/licenses/counts"}};
        for (String[] call : calls) {
            assertError(sandbox.licensing(call[0], call[1], "wrong-token", null), 403, "invalid_token");
            assertError(sandbox.licensing(call[0], call[1], null, null), 403, "invalid_token");
        }
        assertThat(sandbox.licensing("GET", "/product-families", null, null).code()).isEqualTo(200);
        assertThat(licensesAtTheSandbox()).isEmpty();
    }

    @Test
    void theTokenIsCheckedBeforeTheBody() {
        assertError(sandbox.licensing("POST", "/license", "wrong-token", "not json"), 403, "invalid_token");
    }

    @Test
    void aMalformedSiteIsRefusedBeforeThePartnersRights() {
        String key = sandbox.issue(NO_ATTACH_TOKEN, "premium");

        assertError(sandbox.attach(NO_ATTACH_TOKEN, key, "not a site"), 400, "rest_invalid_param");
    }

    @Test
    void theTokenMustComeAsABearer() {
        Reply basic = sandbox.call(sandbox.request(SandboxHarness.LICENSING_BASE + "/licenses", null)
                .header("Authorization", "Basic " + LICENSING_TOKEN).build());

        assertError(basic, 403, "invalid_token");
    }

    @Test
    void getAnswersTheLicenseOfItsKey() {
        String key = sandbox.issue(LICENSING_TOKEN, "premium");

        Reply reply = sandbox.licensing("GET", "/license?license_key=" + key, LICENSING_TOKEN, null);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.json().get("license_key").asText()).isEqualTo(key);
        assertThat(reply.json().get("product").asText()).isEqualTo("Jetpack Premium");
    }

    @Test
    void unknownKeysAreNotFoundAndAnotherPartnersKeysForbiddenOnEveryLicenseCall() {
        String others = sandbox.issue(NO_ATTACH_TOKEN, "premium");
        String[][] calls = {{"GET", "/license?license_key=%s", null}, {"DELETE", "/license?license_key=%s", null},
            {"POST", "/license/%s/site", "{\"site\":\"example.com\"}"}, {"DELETE", "/license/%s/site", null}};
        for (String[] call : calls) {
            assertError(sandbox.licensing(call[0], call[1].formatted("premium_0000000000000000000000000"), LICENSING_TOKEN,
                    call[2]), 404, "license_not_found");
            assertError(sandbox.licensing(call[0], call[1].formatted(others), LICENSING_TOKEN, call[2]), 403, "forbidden");
        }
        assertThat(sandbox.get("/_sandbox/licenses/" + others, null).json().get("state").asText()).isEqualTo("detached");
    }

    @Test
    void getAndRevokeNeedTheKey() {
        assertError(sandbox.licensing("GET", "/license", LICENSING_TOKEN, null), 400, "rest_missing_callback_param");
        assertError(sandbox.licensing("DELETE", "/license", LICENSING_TOKEN, null), 400, "rest_missing_callback_param");
        assertError(sandbox.licensing("GET", "/license?license_key=" + "k".repeat(129), LICENSING_TOKEN, null),
                400, "rest_invalid_param");
    }

    @Test
    void revokeTakesTheKeyFromTheQueryOrAJsonBodyAndOnlyOnce() {
        String first = sandbox.issue(LICENSING_TOKEN, "premium");
        String second = sandbox.issue(LICENSING_TOKEN, "premium");

        Reply byQuery = sandbox.licensing("DELETE", "/license/?license_key=" + first, LICENSING_TOKEN, null);
        Reply byBody = sandbox.licensing("DELETE", "/license", LICENSING_TOKEN, "{\"license_key\":\"" + second + "\"}");
        Reply again = sandbox.revoke(LICENSING_TOKEN, first);

        assertThat(byQuery.code()).isEqualTo(200);
        assertThat(byQuery.json().get("revoked_at").asText()).matches(TIMESTAMP);
        assertThat(byBody.code()).isEqualTo(200);
        assertThat(byBody.json().get("license_key").asText()).isEqualTo(second);
        assertError(again, 400, "license_already_revoked");
    }

    @Test
    void attachTakesABlogIdAUrlOrAnIdentifier() {
        sandbox.provision(token, "known.example", "free");
        long blogId = sandbox.site("known.example").get("blog_id").asLong();
        String byId = sandbox.issue(LICENSING_TOKEN, "premium");
        String byUrl = sandbox.issue(LICENSING_TOKEN, "premium");
        String byIdentifier = sandbox.issue(LICENSING_TOKEN, "premium");

        Reply first = sandbox.licensing("POST", "/license/" + byId + "/site", LICENSING_TOKEN, "{\"site\":" + blogId + "}");
        Reply second = sandbox.attach(LICENSING_TOKEN, byUrl, "https://Shop.Example/store/");
        Reply third = sandbox.attach(LICENSING_TOKEN, byIdentifier, "shop.example::store");

        assertThat(first.code()).isEqualTo(200);
        assertThat(first.json().get("blog_id").asLong()).isEqualTo(blogId);
        assertThat(first.json().get("siteurl").asText()).isEqualTo("https://known.example");
        assertThat(first.json().get("attached_at").asText()).matches(TIMESTAMP);
        assertThat(second.json().get("siteurl").asText()).isEqualTo("https://shop.example/store");
        assertThat(third.json().get("blog_id").asLong()).isEqualTo(second.json().get("blog_id").asLong());
    }

    @Test
    void attachRefusesUnknownSitesAndMalformedOnes() {
        String key = sandbox.issue(LICENSING_TOKEN, "premium");

        assertError(sandbox.attach(LICENSING_TOKEN, key, "shop.invalid"), 400, "unknown_site");
        assertError(sandbox.attach(LICENSING_TOKEN, key, "999"), 400, "unknown_site");
        assertError(sandbox.attach(LICENSING_TOKEN, key, "not a site"), 400, "rest_invalid_param");
        assertError(sandbox.licensing("POST", "/license/" + key + "/site", LICENSING_TOKEN, "{}"), 400,
                "rest_missing_callback_param");
        assertThat(sandbox.get("/_sandbox/licenses/" + key, null).json().get("state").asText()).isEqualTo("detached");
    }

    @Test
    void attachAndDetachRefuseWhatTheLicensesStateForbids() {
        String attached = sandbox.issue(LICENSING_TOKEN, "premium");
        String revoked = sandbox.issue(LICENSING_TOKEN, "premium");
        String detached = sandbox.issue(LICENSING_TOKEN, "premium");
        sandbox.attach(LICENSING_TOKEN, attached, "one.example");
        sandbox.attach(LICENSING_TOKEN, revoked, "one.example");
        sandbox.revoke(LICENSING_TOKEN, revoked);

        assertError(sandbox.attach(LICENSING_TOKEN, attached, "two.example"), 400, "license_already_attached");
        assertError(sandbox.attach(LICENSING_TOKEN, revoked, "two.example"), 400, "license_revoked");
        assertError(sandbox.licensing("DELETE", "/license/" + detached + "/site", LICENSING_TOKEN, null), 400, "license_not_attached");
        assertError(sandbox.licensing("DELETE", "/license/" + revoked + "/site", LICENSING_TOKEN, null), 400, "license_revoked");
        assertError(sandbox.licensing("DELETE", "/license/" + attached + "/site?cancellation_email=yes", LICENSING_TOKEN, null),
                400, "rest_invalid_param");
        assertThat(sandbox.get("/_sandbox/licenses/" + attached, null).json().get("siteurl").asText())
                .isEqualTo("https://one.example");
    }

    @Test
    void aPartnerNotAllowlistedMayNeitherAttachNorDetach() {
        String key = sandbox.issue(NO_ATTACH_TOKEN, "premium");

        assertError(sandbox.attach(NO_ATTACH_TOKEN, key, "example.com"), 403, "not_allowlisted");
        assertError(sandbox.licensing("DELETE", "/license/" + key + "/site", NO_ATTACH_TOKEN, null), 403, "not_allowlisted");
    }

    @Test
    void detachFreesTheLicenseForAnotherSite() {
        String key = sandbox.issue(LICENSING_TOKEN, "jetpack-backup-daily");
        sandbox.attach(LICENSING_TOKEN, key, "staging.example");

        Reply detached = sandbox.licensing("DELETE", "/license/" + key + "/site/?cancellation_email=0", LICENSING_TOKEN, null);
        Reply moved = sandbox.attach(LICENSING_TOKEN, key, "www.example");

        assertThat(detached.code()).isEqualTo(200);
        assertThat(detached.json().get("blog_id").isNull()).isTrue();
        assertThat(detached.json().get("attached_at").isNull()).isTrue();
        assertThat(moved.json().get("siteurl").asText()).isEqualTo("https://www.example");
        assertThat(sandbox.get("/_sandbox/licenses/" + key, null).json().get("cancellation_emails").asInt()).isZero();
    }

    @Test
    void detachSendsTheCancellationEmailByDefault() {
        String key = sandbox.issue(LICENSING_TOKEN, "premium");
        sandbox.attach(LICENSING_TOKEN, key, "example.com");

        sandbox.licensing("DELETE", "/license/" + key + "/site", LICENSING_TOKEN, null);

        assertThat(sandbox.get("/_sandbox/licenses/" + key, null).json().get("cancellation_emails").asInt()).isEqualTo(1);
    }

    @Test
    void productFamiliesListTheSpecsSlugsAndNewerOnesWithoutPrices() {
        Reply reply = sandbox.licensing("GET", "/product-families/", null, null);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.json().findValuesAsText("slug")).contains("jetpack-plans", "free", "personal", "premium",
                "professional", "jetpack-backup", "jetpack-backup-daily", "jetpack-backup-realtime", "jetpack-scan",
                "jetpack-anti-spam", "jetpack-packs", "jetpack-security-daily", "jetpack-security-realtime",
                "jetpack-complete", "jetpack-backup-t1", "jetpack-security-t1", "jetpack-boost", "jetpack-videopress");
        JsonNode scan = product(reply.json(), "jetpack-scan");
        assertThat(scan.get("product_id").asLong()).isEqualTo(2106);
        assertThat(scan.get("name").asText()).isEqualTo("Jetpack Scan");
        assertThat(scan.has("amount")).isFalse();
    }

    @Test
    void partnerProductFamiliesListOnlyWhatThePartnerMayBuyAtItsCost() {
        JsonNode all = sandbox.licensing("GET", "/partner/product-families", LICENSING_TOKEN, null).json();
        JsonNode restricted = sandbox.licensing("GET", "/partner/product-families", SCAN_ONLY_TOKEN, null).json();

        JsonNode scan = product(all, "jetpack-scan");
        assertThat(scan.get("currency").asText()).isEqualTo("usd");
        assertThat(scan.get("amount").decimalValue()).isEqualByComparingTo("4.95");
        assertThat(scan.get("price_interval").asText()).isEqualTo("month");
        assertThat(all.findValuesAsText("product_id")).hasSize(18);
        assertThat(restricted.findValuesAsText("product_id")).containsExactly("2106", "2110");
        assertThat(restricted.findValuesAsText("slug")).containsExactly("jetpack-scan", "jetpack-scan",
                "jetpack-anti-spam", "jetpack-anti-spam");
    }

    @Test
    void siteConnectionConnectsOnceAndKnowsSitesSeenBefore() {
        sandbox.provision(token, "provisioned.example", "free");
        long provisionedId = sandbox.site("provisioned.example").get("blog_id").asLong();
        String body = "{\"url\":\"https://new.example/\",\"local_user\":\"admin\"}";

        Reply first = sandbox.licensing("POST", "/site-connection", LICENSING_TOKEN, body);
        Reply again = sandbox.licensing("POST", "/site-connection/", LICENSING_TOKEN, body);
        Reply previously = sandbox.licensing("POST", "/site-connection", LICENSING_TOKEN,
                "{\"url\":\"https://provisioned.example\",\"local_user\":\"admin@example.com\"}");

        assertThat(first.json().get("code").asText()).isEqualTo("success");
        assertThat(first.json().get("blog_id").isNumber()).isTrue();
        assertThat(again.json().get("code").asText()).isEqualTo("already_connected");
        assertThat(again.json().get("blog_id").asLong()).isEqualTo(first.json().get("blog_id").asLong());
        assertThat(previously.json().get("code").asText()).isEqualTo("previously_connected");
        assertThat(previously.json().get("blog_id").asText()).isEqualTo(Long.toString(provisionedId));
        assertThat(sandbox.site("provisioned.example").get("connected").asBoolean()).isTrue();
    }

    @Test
    void siteConnectionNeedsAUrlOfAnExistingSiteAndALocalUser() {
        assertError(sandbox.post(SandboxHarness.LICENSING_BASE + "/site-connection", Map.of("url", "https://a.example"),
                LICENSING_TOKEN), 400, "rest_missing_callback_param");
        assertError(sandbox.licensing("POST", "/site-connection", LICENSING_TOKEN,
                "{\"url\":\"https://a.invalid\",\"local_user\":\"admin\"}"), 400, "unknown_site");
        assertError(sandbox.licensing("POST", "/site-connection", LICENSING_TOKEN,
                "{\"url\":\"a b\",\"local_user\":\"admin\"}"), 400, "rest_invalid_param");
        assertThat(sandbox.post(SandboxHarness.LICENSING_BASE + "/site-connection",
                Map.of("url", "https://a.example", "local_user", "admin"), LICENSING_TOKEN).code()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesARequestIdErrorsAndUnknownRoutesIncluded() {
        Reply ok = sandbox.licensing("GET", "/product-families", null, null);
        Reply refused = sandbox.licensing("GET", "/licenses", null, null);
        Reply noRoute = sandbox.licensing("PUT", "/license", LICENSING_TOKEN, "{}");
        Reply unknownPath = sandbox.licensing("GET", "/nothing", LICENSING_TOKEN, null);

        assertThat(ok.headers().get("X-Jetpack-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(refused.headers().get("X-Jetpack-Request-Id")).matches("[0-9a-f]{32}")
                .isNotEqualTo(ok.headers().get("X-Jetpack-Request-Id"));
        assertError(noRoute, 404, "rest_no_route");
        assertThat(noRoute.headers().get("X-Jetpack-Request-Id")).isNotBlank();
        assertError(unknownPath, 404, "rest_no_route");
    }

    @Test
    void partnerApiAnswersCarryNoRequestId() {
        assertThat(sandbox.status(token, "example.com").headers().get("X-Jetpack-Request-Id")).isNull();
    }

    static void assertError(Reply reply, int status, String code) {
        assertThat(reply.code()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("code").asText()).as(reply.body()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).isNotBlank();
    }

    private static JsonNode product(JsonNode families, String slug) {
        for (JsonNode family : families) {
            for (JsonNode product : family.get("products")) {
                if (product.get("slug").asText().equals(slug)) {
                    return product;
                }
            }
        }
        throw new AssertionError("no product " + slug);
    }

    private static JsonNode licensesAtTheSandbox() {
        return sandbox.get("/_sandbox/licenses", null).json().get("licenses");
    }
}
