package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.junit.jupiter.api.Test;

/** SendEmail, GetEmails and the noemail switches of AddClient, AddOrder and AddInvoicePayment. */
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
    }

    @Test
    void theNoEmailSwitchesLeaveOutExactlyTheirMessages() {
        assertThat(signupOrderAndPay("false")).containsExactly("client_signup", "order_confirmation", "invoice_created",
                "invoice_payment_confirmation");
        assertThat(signupOrderAndPay("true")).isEmpty();
    }

    /** AddClient, AddOrder and AddInvoicePayment with every e-mail switch at {@code off}; the client's templates. */
    private static List<String> signupOrderAndPay(String off) {
        long client = call("AddClient", "firstname", "A", "lastname", "B", "email", unique("noemail") + "@example.com",
                "noemail", off).ok().id("clientid");
        Reply order = call("AddOrder", "clientid", String.valueOf(client), "pid",
                String.valueOf(product(AutoSetup.MANUAL, "success", PayType.ONETIME, new BigDecimal("5.00")).id()),
                "paymentmethod", "banktransfer", "noemail", off, "noinvoiceemail", off).ok();
        call("AddInvoicePayment", "invoiceid", String.valueOf(order.id("invoiceid")), "transid", unique("tx-noemail-"),
                "gateway", "paypal", "noemail", off).ok();
        List<String> templates = new ArrayList<>(core.emails().list(client, "", 0, 100).items().stream()
                .map(EmailMessage::template).toList());
        Collections.reverse(templates);
        return templates;
    }
}
