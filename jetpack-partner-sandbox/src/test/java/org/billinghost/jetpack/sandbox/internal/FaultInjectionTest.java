package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SandboxTestSupport {


    @Test
    void theNextNCallsAnswerTheStatusAndAreNotProcessed() {
        sandbox.addFault("{\"endpoint\":\"provision\",\"count\":2,\"status\":503}");

        Reply first = sandbox.provision(token, "example.com", "free");
        Reply second = sandbox.provision(token, "example.com", "free");
        Reply third = sandbox.provision(token, "example.com", "free");

        assertThat(first.code()).isEqualTo(503);
        assertThat(first.json().get("error_code").asText()).isEqualTo("sandbox_fault");
        assertThat(first.json().get("error_message").asText()).contains("503");
        assertThat(second.code()).isEqualTo(503);
        assertThat(third.code()).isEqualTo(200);
        assertThat(sandbox.site("example.com").get("provision_count").asInt()).isEqualTo(1);
        assertThat(sandbox.stats().get("provision_requests").asInt()).isEqualTo(3);
    }

    @Test
    void aStatusFaultCarriesTheGivenErrorCodeAndMessage() {
        sandbox.addFault("{\"endpoint\":\"provision\",\"status\":403,\"error\":\"invalid_scope\",\"message\":\"no scope\"}");

        Reply reply = sandbox.provision(token, "example.com", "free");

        assertThat(reply.code()).isEqualTo(403);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("invalid_scope");
        assertThat(reply.json().get("error_message").asText()).isEqualTo("no scope");
    }

    @Test
    void tokenFaultsUseTheOauthErrorShape() {
        sandbox.addFault("{\"endpoint\":\"token\",\"status\":500}");

        Reply reply = sandbox.post("/oauth2/token", SandboxHarness.tokenForm(SandboxHarness.PARTNER, SandboxHarness.SECRET), null);

        assertThat(reply.code()).isEqualTo(500);
        assertThat(reply.json().get("error").asText()).isEqualTo("sandbox_fault");
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
    }

    @Test
    void aRawBodyReplacesTheJson() {
        sandbox.addFault("[{\"endpoint\":\"provision\",\"status\":502,\"body\":\"<html>Bad gateway</html>\"},"
                + "{\"endpoint\":\"provision\",\"status\":200,\"body\":\"\",\"content_type\":\"application/json\"}]");

        Reply html = sandbox.provision(token, "example.com", "free");
        Reply empty = sandbox.provision(token, "example.com", "free");

        assertThat(html.code()).isEqualTo(502);
        assertThat(html.headers().get("Content-Type")).startsWith("text/html");
        assertThat(html.body()).isEqualTo("<html>Bad gateway</html>");
        assertThat(empty.code()).isEqualTo(200);
        assertThat(empty.headers().get("Content-Type")).startsWith("application/json");
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void retryAfterBecomesAHeader() {
        sandbox.addFault("{\"endpoint\":\"provision\",\"status\":429,\"retry_after\":7,\"error\":\"rate_limited\"}");

        Reply reply = sandbox.provision(token, "example.com", "free");

        assertThat(reply.code()).isEqualTo(429);
        assertThat(reply.headers().get("Retry-After")).isEqualTo("7");
    }

    @Test
    void latencyDelaysTheAnswerAndTheCallIsStillProcessed() {
        sandbox.addFault("{\"endpoint\":\"provision\",\"latency_ms\":300}");

        long start = System.nanoTime();
        Reply reply = sandbox.provision(token, "example.com", "free");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(reply.code()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aClientThatTimesOutStillLeavesTheSiteProvisionedLikeTheRealApi() throws Exception {
        sandbox.addFault("{\"endpoint\":\"provision\",\"latency_ms\":1500}");
        OkHttpClient impatient = sandbox.http().newBuilder().readTimeout(Duration.ofMillis(200)).build();
        Request request = provisionRequest("example.com");

        assertThatThrownBy(() -> SandboxHarness.call(impatient, request))
                .hasCauseInstanceOf(SocketTimeoutException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sandbox.get("/_sandbox/sites/example.com", null).code() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sandbox.site("example.com").get("state").asText()).isEqualTo("provisioned");
    }

    @Test
    void aLostAnswerTakesEffectAndThenDropsTheConnection() {
        sandbox.addFault("{\"endpoint\":\"provision\",\"lost\":true}");
        OkHttpClient client = sandbox.freshClient();

        assertThatThrownBy(() -> SandboxHarness.call(client, provisionRequest("example.com")))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(sandbox.site("example.com").get("state").asText()).isEqualTo("provisioned");
    }

    @Test
    void dropClosesTheConnectionWithoutAnAnswer() {
        sandbox.addFault("{\"endpoint\":\"provision\",\"drop\":true}");
        OkHttpClient client = sandbox.freshClient();

        assertThatThrownBy(() -> SandboxHarness.call(client, provisionRequest("example.com")))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(sandbox.stats().get("provision_requests").asInt()).isEqualTo(1);
        assertThat(sandbox.get("/_sandbox/sites", null).json().get("sites")).isEmpty();
        assertThat(SandboxHarness.call(client, provisionRequest("example.com")).code()).isEqualTo(200);
    }

    /** Documents a trap for test writers: OkHttp retries once, silently, when a pooled connection drops. */
    @Test
    void okHttpRetriesADroppedCallOnAReusedConnectionOnce() {
        OkHttpClient client = sandbox.freshClient();
        assertThat(SandboxHarness.call(client, provisionRequest("warm.example")).code()).isEqualTo(200);
        sandbox.addFault("{\"endpoint\":\"provision\",\"drop\":true}");

        Reply reply = SandboxHarness.call(client, provisionRequest("example.com"));

        assertThat(reply.code()).isEqualTo(200);
        assertThat(sandbox.stats().get("provision_requests").asInt()).isEqualTo(3);
    }

    @Test
    void aPersistentFaultLastsUntilCleared() {
        sandbox.addFault("{\"endpoint\":\"status\",\"count\":-1,\"status\":500}");
        sandbox.provision(token, "example.com", "free");

        for (int i = 0; i < 5; i++) {
            assertThat(sandbox.status(token, "example.com").code()).isEqualTo(500);
        }
        assertThat(sandbox.delete("/_sandbox/faults").json().get("faults")).isEmpty();
        assertThat(sandbox.status(token, "example.com").code()).isEqualTo(200);
    }

    @Test
    void aFaultForOneEndpointLeavesTheOthersAlone() {
        sandbox.addFault("{\"endpoint\":\"cancel\",\"count\":-1,\"status\":500}");

        assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(200);
        assertThat(sandbox.status(token, "example.com").code()).isEqualTo(200);
        assertThat(sandbox.cancel(token, "example.com", Map.of()).code()).isEqualTo(500);
    }

    @Test
    void theWildcardHitsEveryPartnerApiEndpointButNotTheSandboxOwn() {
        sandbox.addFault("{\"endpoint\":\"*\",\"count\":-1,\"status\":503}");

        assertThat(sandbox.post("/oauth2/token", SandboxHarness.tokenForm("1001", "x"), null).code()).isEqualTo(503);
        assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(503);
        assertThat(sandbox.get("/rest/v1.3/jpphp/1/upgrade-paths", token).code()).isEqualTo(503);
        assertThat(sandbox.get("/_sandbox/stats", null).code()).isEqualTo(200);
    }

    @Test
    void probabilityAffectsAboutThatShareOfCalls() {
        sandbox.addFault("{\"endpoint\":\"status\",\"count\":-1,\"probability\":0.3,\"status\":503}");
        sandbox.provision(token, "example.com", "free");

        int failed = 0;
        for (int i = 0; i < 400; i++) {
            failed += sandbox.status(token, "example.com").code() == 503 ? 1 : 0;
        }

        // mean 120, standard deviation about 9: these bounds are more than 6 deviations away
        assertThat(failed).isBetween(60, 180);
        assertThat(faults().get(0).get("fired").asInt()).isEqualTo(failed);
    }

    @Test
    void latencyAddsToAnAnswerFaultAndEachKeepsItsOwnCount() {
        sandbox.addFault("[{\"endpoint\":\"*\",\"count\":-1,\"latency_ms\":50},"
                + "{\"endpoint\":\"provision\",\"count\":1,\"status\":500},"
                + "{\"endpoint\":\"provision\",\"count\":1,\"status\":502}]");

        assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(500);
        assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(502);
        assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(200);
        JsonNode faults = faults();
        assertThat(faults.get(0).get("fired").asInt()).isEqualTo(3);
        assertThat(faults.get(0).get("remaining").asInt()).isEqualTo(-1);
        assertThat(faults.get(1).get("remaining").asInt()).isZero();
        assertThat(faults.get(2).get("fired").asInt()).isEqualTo(1);
    }

    @Test
    void listsFaultsWithDefaultsApplied() {
        Reply added = sandbox.addFault("{\"endpoint\":\"provision\",\"status\":503}");

        JsonNode fault = added.json().get("faults").get(0);
        assertThat(fault.get("id").asLong()).isPositive();
        assertThat(fault.get("count").asInt()).isEqualTo(1);
        assertThat(fault.get("remaining").asInt()).isEqualTo(1);
        assertThat(fault.get("probability").asDouble()).isEqualTo(1.0);
        assertThat(fault.get("drop").asBoolean()).isFalse();
        assertThat(fault.get("latency_ms").asInt()).isZero();
        assertThat(faults()).hasSize(1);
    }

    @Test
    void refusesFaultsThatMakeNoSenseAndAddsNone() {
        assertRefused("{\"endpoint\":\"provison\",\"status\":503}", "endpoint must be one of");
        assertRefused("{\"endpoint\":\"provision\"}", "needs status, drop, lost or latency_ms");
        assertRefused("{\"endpoint\":\"provision\",\"lost\":true,\"drop\":true}", "lost excludes drop and status");
        assertRefused("{\"endpoint\":\"provision\",\"status\":503,\"drop\":true}", "exclude each other");
        assertRefused("{\"endpoint\":\"provision\",\"status\":503,\"count\":0}", "count must be");
        assertRefused("{\"endpoint\":\"provision\",\"status\":503,\"probability\":1.5}", "probability");
        assertRefused("{\"endpoint\":\"provision\",\"status\":99}", "status must be");
        assertRefused("{\"endpoint\":\"provision\",\"error\":\"x\",\"latency_ms\":5}", "need status");
        assertRefused("{\"endpoint\":\"provision\",\"status\":503,\"latency\":5}", "Unknown field 'latency'");
        assertRefused("{\"endpoint\":\"provision\",\"status\":\"soon\"}", "field 'status'");
        assertRefused("[{\"endpoint\":\"token\",\"status\":500},{\"endpoint\":\"nope\",\"status\":500}]", "endpoint");
        assertRefused("not json", "not JSON");
        assertRefused("42", "JSON object");
        assertThat(faults()).isEmpty();
    }

    private void assertRefused(String json, String messagePart) {
        Reply reply = sandbox.postJson("/_sandbox/faults", json);
        assertThat(reply.code()).as(json).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_fault");
        assertThat(reply.json().get("message").asText()).as(json).contains(messagePart);
    }

    private JsonNode faults() {
        return sandbox.get("/_sandbox/faults", null).json().get("faults");
    }

    private Request provisionRequest(String siteurl) {
        okhttp3.FormBody.Builder body = new okhttp3.FormBody.Builder();
        SandboxHarness.provisionForm(siteurl, "free").forEach(body::add);
        return sandbox.request("/rest/v1.3/jpphp/provision", token).post(body.build()).build();
    }
}
