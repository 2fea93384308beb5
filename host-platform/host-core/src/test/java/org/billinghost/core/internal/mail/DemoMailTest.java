package org.billinghost.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.MailServer;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Demo mode without an SMTP server, the templates' checks and the refusals of bad input. */
class DemoMailTest {
    private CoreAssembly core;
    private MailTestSupport shop;

    @BeforeEach
    void start() {
        core = CoreAssembly.h2WithMail(new java.util.Properties(), true);
        shop = new MailTestSupport(core, "Ada", "Jetpack Security");
    }

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void anOrderInDemoModeStoresItsMessagesWithTheActivationLink() {
        long serviceId = shop.orderAndPay().serviceIds().get(0);
        core.emails().deliverDue("host-a");

        List<EmailMessage> messages = shop.messages();
        assertEquals(List.of("client_signup", "order_confirmation", "invoice_created", "invoice_payment_confirmation",
                "product_welcome"), messages.stream().map(EmailMessage::template).toList());
        assertTrue(messages.stream().allMatch(m -> m.status() == EmailMessage.Status.STORED));
        EmailMessage welcome = messages.get(4);
        assertEquals("Your Jetpack Security is ready", welcome.subject());
        assertTrue(welcome.text().contains("Activate it here: " + WelcomingModule.activationUrl(serviceId)),
                welcome.text());
        assertEquals(0, core.emails().waiting());
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedNamingThePartAndLine() {
        BillingException refused = assertThrows(BillingException.class, () -> core.emails().saveTemplate(
                "invoice_created", "Invoice ${invoice.id}", "line one\nline two\n<#if>", "<p>ok</p>"));
        assertEquals("text", refused.field().orElseThrow());
        assertTrue(refused.getMessage().startsWith("The text has a syntax error on line 3"), refused.getMessage());
        assertEquals(false, core.emails().template("invoice_created").customized());
    }

    @Test
    void thePreviewRendersTheFormsSourcesOnSampleData() {
        EmailMessage preview = core.emails().preview("client_signup", "Hi ${client.firstName}",
                "${client.companyName} & co", "<p>${client.companyName} & <b>co</b></p>");
        assertEquals("Hi Jane", preview.subject());
        assertEquals("Example Ltd & co", preview.text());
        assertEquals("<p>Example Ltd & <b>co</b></p>", preview.html());
        BillingException failing = assertThrows(BillingException.class, () -> core.emails().preview("client_signup",
                "Hi", "text", "<p>\n${client.nickname}</p>"));
        assertTrue(failing.getMessage().startsWith("The html failed on line 2"), failing.getMessage());
    }

    @Test
    void addressesWithLineBreaksOrThatDoNotParseAreRefused() {
        BillingException injected = assertThrows(BillingException.class, () -> core.emails().saveServer("smtp.example.com",
                587, MailServer.Security.STARTTLS, "", "", "Billing", "billing@example.com\r\nBcc: victim@example.com"));
        assertEquals("fromaddress", injected.field().orElseThrow());
        assertEquals("An e-mail address cannot contain line breaks or control characters.", injected.getMessage());
        BillingException twoAddresses = assertThrows(BillingException.class, () -> core.emails().sendTest(
                "a@example.com, b@example.com"));
        assertEquals("to", twoAddresses.field().orElseThrow());
        assertEquals("", core.emails().server().host());
    }

    @Test
    void aHandWrittenMessageIsEscapedInItsHtmlPartAndResendCopiesIt() {
        EmailMessage custom = core.emails().sendCustom(shop.clientId, "About <your> order", "Line 1\n<script>");
        assertEquals("<p>Line 1<br>\n&lt;script&gt;</p>", custom.html());
        core.emails().deliverDue("host-a");
        EmailMessage copy = core.emails().resend(custom.id());
        assertEquals("About <your> order", copy.subject());
        assertTrue(!copy.messageId().equals(custom.messageId()));
        BillingException multiLine = assertThrows(BillingException.class, () -> core.emails().sendCustom(shop.clientId,
                "Subject\r\nBcc: x@example.com", "body"));
        assertEquals("customsubject", multiLine.field().orElseThrow());
    }
}
