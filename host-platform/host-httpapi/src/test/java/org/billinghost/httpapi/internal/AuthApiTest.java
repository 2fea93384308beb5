package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void unknownOrMissingActionIsAnErrorAnsweredWith200() {
        call("Frobnicate").refused(200, "Unknown action: Frobnicate");
        postForm("identifier", IDENTIFIER, "secret", SECRET).refused(200, "Missing required parameter: action");
    }

    @Test
    void jsonAndXmlResponsesAreOffered() {
        postForm("identifier", IDENTIFIER, "secret", SECRET, "action", "GetClients", "responsetype", "nvp")
                .refused(200, "Unsupported responsetype 'nvp': this API answers json or xml");
    }

    @Test
    void jsonBodiesAreAcceptedAndMalformedOnesRefused() {
        post("application/json", "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\",\"action\":\"GetClients\","
                + "\"limitnum\":5}").ok();
        post("application/json", "{\"identifier\":").refused(400, "Malformed JSON body");
        post("application/json", "[1,2]").refused(400, "The JSON body must be an object of parameters");
    }

    @Test
    void bytesAfterTheJsonObjectAreRefused() {
        String call = "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\",\"action\":\"GetClients\"}";

        assertThat(post("application/json", call + " {\"action\":\"AddClient\"}").refused(400, "").message())
                .isEqualTo("Malformed JSON body: send one JSON object of parameters and nothing after it (line 1, column 76)");
        assertThat(post("application/json", call + "x").refused(400, "").message())
                .isEqualTo("Malformed JSON body: send one JSON object of parameters and nothing after it (line 1, column 76)");
        post("application/json", call + "\r\n").ok();
    }

    @Test
    void jsonLimitsAreExplicitAndAnsweredInOurOwnWords() {
        String head = "{\"identifier\":\"demo-api\",\"secret\":\"demo-api-secret\",\"action\":\"GetClients\",";
        String limits = "The JSON body exceeds this API's limits: at most 16 levels of nesting, names of at most 1000"
                + " characters, texts of at most 262144 characters and numbers of at most 32 digits";

        for (String tooMuch : new String[] {"\"x\":" + "[".repeat(16) + "]".repeat(16) + "}",
                "\"x\":\"" + "a".repeat(262_145) + "\"}", "\"x\":" + "9".repeat(33) + "}",
                "\"" + "n".repeat(1001) + "\":1}"}) {
            Reply reply = post("application/json", head + tooMuch).refused(400, "");

            assertThat(reply.message()).isEqualTo(limits);
        }
        post("application/json", head + "\"x\":" + "[".repeat(15) + "]".repeat(15) + ",\"y\":" + "9".repeat(32) + "}").ok();
        assertThat(post("application/json", "{\"identifier\":").refused(400, "").message())
                .isEqualTo("Malformed JSON body: send one JSON object of parameters and nothing after it (line 1, column 15)");
    }

    @Test
    void credentialsInTheQueryStringOfAPostAreRefused() {
        String refusal = "Credentials are not accepted in the URL, where they end up in logs: send them in the POST body";
        for (String query : new String[] {"identifier=demo-api&secret=demo-api-secret", "Secret=x", "password=x",
                "username=demo-api", "accesskey=k", "secret%5B%5D=x"}) {
            Reply reply = send(HttpRequest.newBuilder(java.net.URI.create(endpoint + "?" + query))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("identifier=demo-api&secret=demo-api-secret&action=GetClients"))
                    .build());

            assertThat(reply.refused(403, "").message()).as(query).isEqualTo(refusal);
        }
    }

    @Test
    void secretsAreComparedExactlyNotTrimmed() {
        call("GetClients").ok();

        for (String almost : new String[] {SECRET + " ", SECRET + "\u0000", " " + SECRET}) {
            assertThat(postForm("identifier", IDENTIFIER, "secret", almost, "action", "GetClients")
                    .refused(403, "").message()).isEqualTo("Authentication Failed");
        }
        call("GetClients").ok();
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

        HttpResponse<String> refused = sendRaw(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)).build());

        reply(refused).refused(413, "The JSON body is larger than");
        // the server drops the connection after a refused body: the client must hear it, or its next call fails
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        call("GetClients").ok();
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
