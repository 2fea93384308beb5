package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** SendEmail and GetEmails. */
class EmailApiTest extends ApiTestSupport {

    @Test
    void sendEmailQueuesATemplateOrAHandWrittenMessageAndGetEmailsListsThem() {
        long client = newClient();
        String id = String.valueOf(client);

        long signup = call("SendEmail", "messagename", "Client Signup Email", "id", id).ok().json().path("emailid").asLong();
        long custom = call("SendEmail", "id", id, "customtype", "general", "customsubject", "Hello",
                "custommessage", "A message").ok().json().path("emailid").asLong();

        JsonNode emails = call("GetEmails", "clientid", id).ok().json();
        // newest first: the hand-written one, the signup just asked for, then AddClient's own signup e-mail
        assertThat(emails.path("totalresults").asInt()).isEqualTo(3);
        assertThat(emails.path("emails").path("email").findValuesAsText("id"))
                .startsWith(String.valueOf(custom), String.valueOf(signup));
        assertThat(emails.path("emails").path("email").get(0).path("subject").asText()).isEqualTo("Hello");
        assertThat(emails.path("emails").path("email").get(0).path("pending").asInt()).isEqualTo(1);
    }

    @Test
    void badSendEmailCallsAreRefusedByName() {
        String id = String.valueOf(newClient());
        call("SendEmail", "messagename", "No Such Template", "id", id)
                .refused(200, "There is no e-mail template 'No Such Template'");
        call("SendEmail", "messagename", "Invoice Created", "id", "999999").refused(200, "Invoice 999999 not found");
        call("SendEmail", "id", id, "customtype", "product", "customsubject", "S", "custommessage", "M")
                .refused(200, "Parameter customtype must be general");
        call("SendEmail", "id", id, "customtype", "general", "customsubject", "S\r\nBcc: x@example.com",
                "custommessage", "M").refused(200, "The subject is required: one line");
        call("SendEmail", "messagename", "Client Signup Email", "id", id, "customvars", "x")
                .refused(200, "Parameter customvars is not supported");
        call("AddClient", "firstname", "A", "lastname", "B", "email", "noemail@example.com", "noemail", "true")
                .refused(200, "Parameter noemail=true is not supported by this host: it always sends the signup e-mail");
    }
}
