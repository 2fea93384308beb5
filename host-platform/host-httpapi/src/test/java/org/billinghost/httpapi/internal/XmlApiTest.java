package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** {@code responsetype=xml}: WHMCS's XML shape for answers and for every kind of refusal. */
class XmlApiTest extends ApiTestSupport {

    /** An XML answer, parsed: it must be well-formed. */
    record XmlReply(int status, Document doc, String body) {
        String text(String xpath) {
            try {
                return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        int count(String xpath) {
            try {
                return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                        .getLength();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static XmlReply xml(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWithIgnoringCase("text/xml;charset=utf-8"));
        assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<whmcsapi version=\"");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        return new XmlReply(response.statusCode(), doc, response.body());
    }

    static XmlReply xmlCall(String... fields) throws Exception {
        return xml(sendRaw(formPost(endpoint, fields)));
    }

    @Test
    void listsAreWrappedAndRepeatedAsWhmcsWritesThem() throws Exception {
        long first = newClient();
        long second = newClient();

        XmlReply reply = xmlCall("identifier", IDENTIFIER, "secret", SECRET, "action", "getclients",
                "responsetype", "xml", "limitnum", "1000");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("/whmcsapi/@version")).isEqualTo("0.0.0");
        assertThat(reply.text("/whmcsapi/action")).isEqualTo("getclients");
        assertThat(reply.text("/whmcsapi/result")).isEqualTo("success");
        int returned = Integer.parseInt(reply.text("/whmcsapi/numreturned"));
        assertThat(reply.count("/whmcsapi/clients/client")).isEqualTo(returned);
        assertThat(reply.text("/whmcsapi/clients/client[id='" + first + "']/lastname")).isEqualTo("Lovelace");
        assertThat(reply.count("/whmcsapi/clients/client[id='" + second + "']")).isEqualTo(1);
    }

    @Test
    void textIsEscapedAndCharactersXmlCannotCarryAreReplaced() throws Exception {
        long id = call("AddClient", "firstname", "Tom & <Jerry>", "lastname", "\"Quote\"", "email",
                unique("tom") + "@example.com").ok().id("clientid");

        XmlReply reply = xmlCall("identifier", IDENTIFIER, "secret", SECRET, "action", "GetClientsDetails",
                "responsetype", "XML", "clientid", String.valueOf(id));

        assertThat(reply.text("/whmcsapi/client/firstname")).isEqualTo("Tom & <Jerry>");
        assertThat(reply.text("/whmcsapi/lastname")).isEqualTo("\"Quote\"");
    }

    @Test
    void writerNamesWhatCannotBeAnElementAndReplacesControlCharacters() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", "success");
        body.put("pricing", Map.of("1", Map.of("monthly", "9.95")));
        body.put("note", "bell\u0007 and \uD83D\uDE00");
        body.put("queue", List.of(Map.of("id", 1), Map.of("id", 2)));
        body.put("empty", null);

        String text = new String(ApiXml.write("1.2.3", "Act&on", body), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<whmcsapi version=\"1.2.3\">\n"
                + "<action>Act&amp;on</action>\n<result>success</result>\n"
                + "<pricing>\n<item key=\"1\">\n<monthly>9.95</monthly>\n</item>\n</pricing>\n"
                + "<note>bell\uFFFD and \uD83D\uDE00</note>\n"
                + "<queue>\n<id>1</id>\n</queue>\n<queue>\n<id>2</id>\n</queue>\n"
                + "<empty></empty>\n</whmcsapi>\n");
    }

    @Test
    void actionErrorsAre200InXml() throws Exception {
        XmlReply reply = xmlCall("identifier", IDENTIFIER, "secret", SECRET, "action", "Frobnicate",
                "responsetype", "xml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("/whmcsapi/action")).isEqualTo("Frobnicate");
        assertThat(reply.text("/whmcsapi/result")).isEqualTo("error");
        assertThat(reply.text("/whmcsapi/message")).isEqualTo("Unknown action: Frobnicate");
    }

    @Test
    void authenticationFailuresAre403InXml() throws Exception {
        XmlReply reply = xmlCall("identifier", IDENTIFIER, "secret", "wrong", "action", "GetClients",
                "responsetype", "xml");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.text("/whmcsapi/result")).isEqualTo("error");
        assertThat(reply.text("/whmcsapi/message")).isEqualTo("Authentication Failed");
    }

    @Test
    void anUnreadableBodyIs400InXmlWhenTheQueryAsksForIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?responsetype=xml&action=GetClients"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":"))
                .build();

        XmlReply reply = xml(sendRaw(request));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("/whmcsapi/action")).isEqualTo("GetClients");
        assertThat(reply.text("/whmcsapi/result")).isEqualTo("error");
        assertThat(reply.text("/whmcsapi/message")).startsWith("Malformed JSON body");
    }

    @Test
    void getIs405InXmlWhenTheQueryAsksForIt() throws Exception {
        XmlReply reply = xml(sendRaw(HttpRequest.newBuilder(URI.create(endpoint + "?responsetype=xml")).GET().build()));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.text("/whmcsapi/message"))
                .isEqualTo("Use POST: the API takes its parameters in the request body");
    }
}
