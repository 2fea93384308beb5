package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.LICENSING_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;

/** The shared fault injection, applied to the Licensing API's endpoints. */
class LicensingFaultTest extends SandboxTestSupport {

    @Test
    void aStatusFaultAnswersInTheLicensingShapeWithARequestIdAndIssuesNothing() {
        sandbox.addFault("{\"endpoint\":\"license_issue\",\"status\":503,\"retry_after\":3}");

        Reply reply = issueCall(sandbox.http());

        assertThat(reply.code()).isEqualTo(503);
        assertThat(reply.json().get("code").asText()).isEqualTo("sandbox_fault");
        assertThat(reply.json().get("message").asText()).contains("503");
        assertThat(reply.headers().get("X-Jetpack-Request-Id")).isNotBlank();
        assertThat(reply.headers().get("Retry-After")).isEqualTo("3");
        assertThat(licenses()).isEmpty();
        assertThat(issueCall(sandbox.http()).code()).isEqualTo(200);
    }

    @Test
    void eachLicensingEndpointHasItsOwnFaultName() {
        String key = sandbox.issue(LICENSING_TOKEN, "premium");
        String[][] calls = {{"license_get", "GET", "/license?license_key=" + key}, {"license_revoke", "DELETE", "/license?license_key=" + key},
            {"license_attach", "POST", "/license/" + key + "/site"}, {"license_detach", "DELETE", "/license/" + key + "/site"},
            {"product_families", "GET", "/product-families"}, {"partner_product_families", "GET", "/partner/product-families"},
            {"site_connection", "POST", "/site-connection"}, {"licenses", "GET", "/licenses"},
            {"license_counts", "GET", "/licenses/counts"}};
        for (String[] call : calls) {
            sandbox.addFault("{\"endpoint\":\"" + call[0] + "\",\"status\":500,\"error\":\"" + call[0] + "_fault\"}");

            Reply reply = sandbox.licensing(call[1], call[2], LICENSING_TOKEN, "GET".equals(call[1]) ? null : "{}");

            assertThat(reply.code()).as(call[0]).isEqualTo(500);
            assertThat(reply.json().get("code").asText()).isEqualTo(call[0] + "_fault");
        }
        assertThat(sandbox.get("/_sandbox/licenses/" + key, null).json().get("state").asText()).isEqualTo("detached");
    }

    @Test
    void aDroppedIssueCreatesNothing() {
        sandbox.addFault("{\"endpoint\":\"license_issue\",\"drop\":true}");

        assertThatThrownBy(() -> issueCall(sandbox.freshClient()))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
        assertThat(licenses()).isEmpty();
        assertThat(sandbox.stats().get("license_issue_requests").asInt()).isEqualTo(1);
    }

    @Test
    void aLostIssueCreatesAndBillsTheLicenseButTheClientSeesNoAnswer() {
        sandbox.addFault("{\"endpoint\":\"license_issue\",\"lost\":true}");

        assertThatThrownBy(() -> issueCall(sandbox.freshClient()))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);

        JsonNode licenses = licenses();
        assertThat(licenses).hasSize(1);
        assertThat(licenses.get(0).get("state").asText()).isEqualTo("detached");
        assertThat(licenses.get(0).get("partner_id").asText()).isEqualTo("1001");
        assertThat(billedToTheDemoPartner()).isEqualTo(1);
        assertThat(sandbox.get("/_sandbox/licenses", null).json().get("calls").get("issue").asInt()).isEqualTo(1);
        // the client can find the license it could not see, through the list
        assertThat(sandbox.licensing("GET", "/licenses", LICENSING_TOKEN, null).json().get("total_items").asInt()).isEqualTo(1);
    }

    @Test
    void aLostRevokeRevokes() {
        String key = sandbox.issue(LICENSING_TOKEN, "premium");
        sandbox.addFault("{\"endpoint\":\"license_revoke\",\"lost\":true}");
        Request revoke = sandbox.request(SandboxHarness.LICENSING_BASE + "/license?license_key=" + key, LICENSING_TOKEN)
                .delete().build();

        assertThatThrownBy(() -> SandboxHarness.call(sandbox.freshClient(), revoke)).isInstanceOf(UncheckedIOException.class);
        assertThat(sandbox.get("/_sandbox/licenses/" + key, null).json().get("state").asText()).isEqualTo("revoked");
    }

    @Test
    void anIssueWhoseClientGaveUpIsStillIssuedAndBilled() throws Exception {
        sandbox.addFault("{\"endpoint\":\"license_issue\",\"latency_ms\":1500}");
        OkHttpClient impatient = sandbox.http().newBuilder().readTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> issueCall(impatient)).hasCauseInstanceOf(SocketTimeoutException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (licenses().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(licenses()).hasSize(1);
        assertThat(billedToTheDemoPartner()).isEqualTo(1);
    }

    @Test
    void theWildcardHitsTheLicensingEndpointsToo() {
        sandbox.addFault("{\"endpoint\":\"*\",\"count\":-1,\"status\":502}");

        assertThat(sandbox.licensing("GET", "/product-families", null, null).code()).isEqualTo(502);
        assertThat(issueCall(sandbox.http()).code()).isEqualTo(502);
        assertThat(sandbox.get("/_sandbox/licenses", null).code()).isEqualTo(200);
    }

    private static Reply issueCall(OkHttpClient client) {
        return SandboxHarness.call(client, sandbox.request(SandboxHarness.LICENSING_BASE + "/license?product=premium",
                LICENSING_TOKEN).post(RequestBody.create(new byte[0])).build());
    }

    private static JsonNode licenses() {
        return sandbox.get("/_sandbox/licenses", null).json().get("licenses");
    }

    private static int billedToTheDemoPartner() {
        return sandbox.get("/_sandbox/licenses/billing", null).json().get("billing").get(0).get("licenses_billed").asInt();
    }
}
