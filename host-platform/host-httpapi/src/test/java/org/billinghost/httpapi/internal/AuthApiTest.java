package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Set;
import org.billinghost.api.billing.AdminAccount;
import org.billinghost.api.billing.ApiCredentials;
import org.junit.jupiter.api.Test;

/** Authentication, allowed actions, roles and the envelope every answer shares. */
class AuthApiTest extends ApiTestSupport {

    @Test
    void demoCredentialsAnswerSuccessAndActionIsCaseInsensitive() {
        Reply reply = call("getclients").ok();

        assertThat(reply.json().has("totalresults")).isTrue();
    }

    @Test
    void olderClientsMaySendUsernameAndPassword() {
        postForm("username", IDENTIFIER, "password", SECRET, "action", "GetClients").ok();
    }

    @Test
    void wrongOrMissingCredentialsAre403WithTheSameShape() {
        postForm("identifier", IDENTIFIER, "secret", "wrong", "action", "GetClients")
                .refused(403, "Authentication Failed");
        postForm("identifier", "nobody", "secret", SECRET, "action", "GetClients")
                .refused(403, "Authentication Failed");
        postForm("action", "GetClients").refused(403, "Authentication Failed");
    }

    @Test
    void unknownOrMissingActionIs400() {
        call("Frobnicate").refused(400, "Unknown action: Frobnicate");
        postForm("identifier", IDENTIFIER, "secret", SECRET).refused(400, "Missing required parameter: action");
    }

    @Test
    void onlyJsonResponsesAreOffered() {
        postForm("identifier", IDENTIFIER, "secret", SECRET, "action", "GetClients", "responsetype", "xml").refused(400, "Unsupported responsetype 'xml'");
    }

    @Test
    void jsonBodiesAreAcceptedAndMalformedOnesRefused() {
        post("application/json", "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\",\"action\":\"GetClients\","
                + "\"limitnum\":5}").ok();
        post("application/json", "{\"identifier\":").refused(400, "Malformed JSON body");
        post("application/json", "[1,2]").refused(400, "The JSON body must be an object of parameters");
    }

    @Test
    void multipartBodiesAsPhpCurlSendsThemWork() {
        String boundary = "----api-test-boundary";
        StringBuilder body = new StringBuilder();
        for (String[] field : new String[][] {{"identifier", IDENTIFIER}, {"secret", SECRET}, {"action", "GetClients"},
                {"limitnum", "2"}}) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
                    .append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");

        Reply reply = post("multipart/form-data; boundary=" + boundary, body.toString()).ok();

        assertThat(reply.json().has("clients")).isTrue();
    }

    @Test
    void oversizedJsonBodiesAreRefused() {
        String big = "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\",\"action\":\"GetClients\","
                + "\"search\":\"" + "x".repeat(ApiServlet.MAX_BODY_BYTES) + "\"}";

        post("application/json", big).refused(413, "The JSON body is larger than");
    }

    @Test
    void getIsRefusedSoThatSecretsStayOutOfUrls() {
        Reply reply = send(HttpRequest.newBuilder(java.net.URI.create(endpoint + "?action=GetClients")).GET().build());

        reply.refused(405, "Use POST");
    }

    @Test
    void allowedActionsOfACredentialAreEnforced() {
        AdminAccount admin = core.admins().list().get(0);
        ApiCredentials.Created limited = core.apiCredentials().create(admin.id(), "read only", Set.of("GetClients"));
        String id = limited.credential().identifier();

        postForm("identifier", id, "secret", limited.secret(), "action", "getClients").ok();
        postForm("identifier", id, "secret", limited.secret(), "action", "AddClient", "firstname", "X")
                .refused(403, "not allowed to call AddClient");
    }

    @Test
    void theAdminsRoleMustCarryTheActionsPermission() {
        AdminAccount support = core.admins().create(unique("support"), unique("s") + "@example.com",
                "a long enough password 1", "Support Operator");
        ApiCredentials.Created credential = core.apiCredentials().create(support.id(), "support", Set.of());

        postForm("identifier", credential.credential().identifier(), "secret", credential.secret(),
                "action", "GetClients").ok();
        postForm("identifier", credential.credential().identifier(), "secret", credential.secret(),
                "action", "GetOrders").refused(403, "lacks the permission orders");
    }
}
