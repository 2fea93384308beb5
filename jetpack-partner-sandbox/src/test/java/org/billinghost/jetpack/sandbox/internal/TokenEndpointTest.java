package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.OTHER_PARTNER;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.OTHER_SECRET;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.PARTNER;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.SECRET;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.tokenForm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.billinghost.jetpack.sandbox.internal.SandboxHarness.Reply;
import org.junit.jupiter.api.Test;

class TokenEndpointTest extends SandboxTestSupport {


    @Test
    void issuesABearerTokenInTheDocumentedShape() {
        Reply reply = sandbox.post("/oauth2/token", tokenForm(PARTNER, SECRET), null);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.headers().get("Content-Type")).startsWith("application/json");
        JsonNode json = reply.json();
        assertThat(json.get("access_token").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(json.get("token_type").asText()).isEqualTo("bearer");
        assertThat(json.get("blog_id").asInt()).isZero();
        assertThat(json.get("blog_url").asInt()).isZero();
        assertThat(json.get("scope").asText()).isEqualTo("jetpack-partner");
    }

    @Test
    void acceptsAMultipartBody() {
        Reply reply = sandbox.postMultipart("/oauth2/token", tokenForm(PARTNER, SECRET), null);

        assertThat(reply.code()).isEqualTo(200);
        assertThat(reply.json().get("access_token").asText()).isNotBlank();
    }

    @Test
    void refusesAWrongSecretWithInvalidClient() {
        Reply reply = sandbox.post("/oauth2/token", tokenForm(PARTNER, "wrong"), null);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(reply.json().get("error_description").asText()).isNotBlank();
    }

    @Test
    void refusesAnUnknownPartner() {
        Reply reply = sandbox.post("/oauth2/token", tokenForm("9999", SECRET), null);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void refusesWhiteSpaceAroundIdOrSecretSoUntrimmedClientsAreCaught() {
        assertThat(sandbox.post("/oauth2/token", tokenForm(" " + PARTNER, SECRET), null).code()).isEqualTo(400);
        assertThat(sandbox.post("/oauth2/token", tokenForm(PARTNER, SECRET + "\n"), null).code()).isEqualTo(400);
    }

    @Test
    void refusesMissingCredentials() {
        Reply reply = sandbox.post("/oauth2/token", Map.of("grant_type", "client_credentials"), null);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void refusesAnotherGrantType() {
        Map<String, String> form = new HashMap<>(tokenForm(PARTNER, SECRET));
        form.put("grant_type", "password");

        Reply reply = sandbox.post("/oauth2/token", form, null);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(reply.json().get("error_description").asText()).contains("client_credentials");
    }

    @Test
    void refusesAnotherScope() {
        Map<String, String> form = new HashMap<>(tokenForm(PARTNER, SECRET));
        form.put("scope", "global");

        Reply reply = sandbox.post("/oauth2/token", form, null);

        assertThat(reply.code()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void answersGetWith405WithoutCountingIt() {
        long before = sandbox.stats().get("token_requests").asLong();

        Reply reply = sandbox.get("/oauth2/token", null);

        assertThat(reply.code()).isEqualTo(405);
        assertThat(reply.headers().get("Allow")).isEqualTo("POST");
        assertThat(sandbox.stats().get("token_requests").asLong()).isEqualTo(before);
    }

    @Test
    void bindsEachTokenToItsPartner() {
        String first = sandbox.token(PARTNER, SECRET);
        String other = sandbox.token(OTHER_PARTNER, OTHER_SECRET);

        sandbox.provision(first, "one.example", "free");
        sandbox.provision(other, "two.example", "free");

        assertThat(first).isNotEqualTo(other);
        assertThat(sandbox.site("one.example").get("partner_id").asText()).isEqualTo(PARTNER);
        assertThat(sandbox.site("two.example").get("partner_id").asText()).isEqualTo(OTHER_PARTNER);
    }

    @Test
    void keepsEarlierTokensValidWhenANewOneIsIssued() {
        sandbox.token();

        assertThat(sandbox.provision(token, "example.com", "free").code()).isEqualTo(200);
    }
}
