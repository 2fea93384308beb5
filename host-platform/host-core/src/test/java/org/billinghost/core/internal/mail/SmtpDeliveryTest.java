package org.billinghost.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.MailServer;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real SMTP server (GreenMail, on free ports), from the business event to the mailbox. */
class SmtpDeliveryTest {
    private GreenMail smtp;
    private CoreAssembly core;
    private MailTestSupport shop;

    @BeforeEach
    void start() {
        smtp = new GreenMail(patient(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS})));
        smtp.start();
        core = CoreAssembly.h2WithMail(MailTestSupport.trustAnyCertificate(), false);
        shop = new MailTestSupport(core, "Zoë", "Jetpack Sécurité");
    }

    @AfterEach
    void stop() {
        core.close();
        smtp.stop();
    }

    /** GreenMail's 2 s start-up limit is too short on a busy build machine. */
    private static ServerSetup[] patient(ServerSetup... setups) {
        for (ServerSetup setup : setups) {
            setup.setServerStartupTimeout(60_000);
        }
        return setups;
    }

    private int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    @Test
    void anOrderSendsItsFiveMessagesOnceEachAsTextAndHtmlAlternatives() throws Exception {
        shop.useServer(smtpPort(), MailServer.Security.NONE, "", "");
        long serviceId = shop.orderAndPay().serviceIds().get(0);

        assertEquals(5, core.emails().deliverDue("host-a"));
        assertEquals(0, core.emails().deliverDue("host-a"));

        assertEquals(List.of("client_signup", "order_confirmation", "invoice_created", "invoice_payment_confirmation",
                "product_welcome"), shop.messages().stream().map(EmailMessage::template).toList());
        assertTrue(shop.messages().stream().allMatch(m -> m.status() == EmailMessage.Status.SENT));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(5, received.length);

        MimeMessage welcome = received[4];
        assertEquals("Your Jetpack Sécurité is ready", welcome.getSubject());
        assertEquals("Zoë Müller", ((InternetAddress) welcome.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal());
        assertEquals("Bïlling Désk", ((InternetAddress) welcome.getFrom()[0]).getPersonal());
        assertTrue(welcome.getContentType().startsWith("multipart/alternative"));
        Multipart parts = (Multipart) welcome.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("Activate it here: " + WelcomingModule.activationUrl(serviceId)), text);
        String html = (String) parts.getBodyPart(1).getContent();
        // the link's & is escaped in the HTML part, never in the text part
        assertTrue(html.contains(WelcomingModule.activationUrl(serviceId).replace("&", "&amp;")), html);
        assertEquals(shop.messages().get(4).messageId(), welcome.getMessageID());
        assertTrue(welcome.getSentDate() != null);
    }

    @Test
    void sslConnectionsDeliverAndAuthenticationFailuresAreOneSentence() {
        smtp.setUser("billing@example.com", "billing", "right-password");
        shop.useServer(smtp.getSmtps().getPort(), MailServer.Security.SSL, "billing", "right-password");
        String answer = core.emails().sendTest("someone@example.com");
        assertTrue(answer.startsWith("250"), answer);
        assertEquals(1, smtp.getReceivedMessages().length);

        shop.useServer(smtp.getSmtps().getPort(), MailServer.Security.SSL, "billing", "wrong-password");
        BillingException refused = assertThrows(BillingException.class, () -> core.emails().sendTest("someone@example.com"));
        assertEquals(BillingException.Category.UNAVAILABLE, refused.category());
        assertTrue(refused.getMessage().startsWith("The SMTP server 127.0.0.1 refused the user name or password: 535"),
                refused.getMessage());
    }

    @Test
    void starttlsIsRequiredNeverSkipped() {
        // GreenMail's SMTP does not offer STARTTLS: the host refuses to send in clear rather than fall back
        shop.useServer(smtpPort(), MailServer.Security.STARTTLS, "", "");
        BillingException refused = assertThrows(BillingException.class, () -> core.emails().sendTest("someone@example.com"));
        assertTrue(refused.getMessage().startsWith("Could not connect to the SMTP server 127.0.0.1:" + smtpPort()),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("STARTTLS"), refused.getMessage());
        assertFalse(refused.getMessage().contains("Exception"), refused.getMessage());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void messagesWaitWhileTheServerIsDownAndGoOnceItIsBack() {
        int port = smtpPort();
        shop.useServer(port, MailServer.Security.NONE, "", "");
        smtp.stop();
        shop.orderAndPay();

        assertEquals(5, core.emails().deliverDue("host-a"));
        assertEquals(5, core.emails().waiting());
        EmailMessage first = shop.messages().get(0);
        assertEquals(EmailMessage.Status.QUEUED, first.status());
        assertTrue(first.lastError().startsWith("Could not connect to the SMTP server 127.0.0.1:" + port),
                first.lastError());
        assertFalse(first.lastError().contains("Exception"), first.lastError());
        // not due before its back-off ends
        assertEquals(0, core.emails().deliverDue("host-a"));

        smtp = new GreenMail(patient(ServerSetupTest.SMTP.port(port)));
        smtp.start();
        makeDue();
        assertEquals(5, core.emails().deliverDue("host-a"));
        assertEquals(0, core.emails().waiting());
        assertEquals(5, smtp.getReceivedMessages().length);
    }

    @Test
    void twoHostsOnOneDatabaseSendEachMessageOnce() throws Exception {
        shop.useServer(smtpPort(), MailServer.Security.NONE, "", "");
        for (int i = 0; i < 8; i++) {
            shop.orderAndPay();
        }
        int queued = (int) core.emails().waiting();
        assertEquals(1 + 8 * 4, queued);
        ExecutorService hosts = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> runs = List.of(() -> core.emails().deliverDue("host-a"),
                    () -> core.emails().deliverDue("host-b"));
            int delivered = 0;
            for (Future<Integer> run : hosts.invokeAll(runs)) {
                delivered += run.get();
            }
            assertEquals(queued, delivered);
        } finally {
            hosts.shutdownNow();
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> ids = Arrays.stream(received).map(SmtpDeliveryTest::messageId).collect(Collectors.toSet());
        assertEquals(queued, received.length);
        assertEquals(queued, ids.size());
    }

    @Test
    void aMessageLeftSendingByADeadHostIsMarkedUncertainAndNotSentAgain() {
        shop.useServer(smtpPort(), MailServer.Security.NONE, "", "");
        long clientId = shop.clientId;
        MailOutbox outbox = core.mailOutbox();
        MailOutbox.Claim claim = outbox.claim("dead-host", 1).orElseThrow();
        assertTrue(outbox.rendered(claim, "Subject", "text", "<p>html</p>"));
        // the dead host had reached the SMTP transaction when it stopped; its 1 ms lease is over
        assertTrue(outbox.sending(claim));
        awaitLeaseEnd(claim.id());

        assertEquals(0, core.emails().deliverDue("host-b"));
        EmailMessage uncertain = core.emails().get(claim.id()).orElseThrow();
        assertEquals(EmailMessage.Status.UNCERTAIN, uncertain.status());
        assertEquals(0, smtp.getReceivedMessages().length);

        EmailMessage copy = core.emails().resend(claim.id());
        assertEquals(1, core.emails().deliverDue("host-b"));
        assertEquals(EmailMessage.Status.SENT, core.emails().get(copy.id()).orElseThrow().status());
        assertEquals(clientId, copy.clientId());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void aTransferThatBreaksOffAfterTheDataIsMarkedUncertainAndNotSentAgain() throws Exception {
        try (DroppingSmtpServer dropping = new DroppingSmtpServer()) {
            shop.useServer(dropping.port(), MailServer.Security.NONE, "", "");
            shop.orderAndPay();

            assertEquals(5, core.emails().deliverDue("host-a"));
            assertEquals(5, dropping.messages());
            EmailMessage first = shop.messages().get(0);
            assertEquals(EmailMessage.Status.UNCERTAIN, first.status(), first.lastError());
            assertTrue(first.lastError().startsWith("The connection to the SMTP server 127.0.0.1 broke off during the"
                    + " transfer"), first.lastError());
            makeDue();
            assertEquals(0, core.emails().deliverDue("host-a"));
            assertEquals(5, dropping.messages());
        }
    }

    @Test
    void aRefusalAfterTheDataIsQueuedAgainNotMarkedUncertain() throws Exception {
        try (DroppingSmtpServer refusing = DroppingSmtpServer.refusing(DroppingSmtpServer.Refusal.DATA)) {
            assertRefusedAndQueuedAgain(refusing, "554 5.7.1 message refused by policy", 5);
        }
    }

    @Test
    void aRefusedRecipientIsQueuedAgainNotMarkedUncertain() throws Exception {
        try (DroppingSmtpServer refusing = DroppingSmtpServer.refusing(DroppingSmtpServer.Refusal.RECIPIENT)) {
            assertRefusedAndQueuedAgain(refusing, "550 5.1.1 no such mailbox here", 0);
        }
    }

    /** The server said no, so it does not have the message: it waits for the next attempt, which is made. */
    private void assertRefusedAndQueuedAgain(DroppingSmtpServer refusing, String answer, int dataPerRound) {
        shop.useServer(refusing.port(), MailServer.Security.NONE, "", "");
        shop.orderAndPay();

        assertEquals(5, core.emails().deliverDue("host-a"));
        assertEquals(dataPerRound, refusing.messages());
        EmailMessage first = shop.messages().get(0);
        assertEquals(EmailMessage.Status.QUEUED, first.status(), first.lastError());
        assertTrue(first.lastError().startsWith("The SMTP server 127.0.0.1 did not accept the message"),
                first.lastError());
        assertTrue(first.lastError().contains(answer), first.lastError());
        makeDue();
        assertEquals(5, core.emails().deliverDue("host-a"));
        assertEquals(2 * dataPerRound, refusing.messages());
    }

    @Test
    void aTemplateThatFailsToRenderKeepsTheMessageQueuedWithTheError() {
        shop.useServer(smtpPort(), MailServer.Security.NONE, "", "");
        core.emails().saveTemplate("client_signup", "Hello ${client.nickname}", "text", "<p>html</p>");
        long clientId = shop.core.clients().add(new org.billinghost.api.billing.NewClient("Al", "B", "al@example.com",
                "", "", "", "", "", "", "", "pw")).id();

        core.emails().deliverDue("host-a");
        EmailMessage signup = core.emails().list(clientId, "", 0, 10).items().get(0);
        assertEquals(EmailMessage.Status.QUEUED, signup.status());
        assertTrue(signup.lastError().startsWith("The template client_signup could not be rendered: The subject failed"
                + " on line 1"), signup.lastError());

        core.emails().resetTemplate("client_signup");
        makeDue();
        core.emails().deliverDue("host-a");
        assertEquals(EmailMessage.Status.SENT, core.emails().get(signup.id()).orElseThrow().status());
    }

    private void makeDue() {
        core.jdbc().update("UPDATE mail_outbox SET next_attempt_at = 0 WHERE state = 'queued'");
    }

    /** Waits (with a deadline) until the lease of the message has ended by the database's clock of record. */
    private void awaitLeaseEnd(long id) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (core.jdbc().queryLong("SELECT lease_until FROM mail_outbox WHERE id = ?", id) >= System.currentTimeMillis()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("lease did not end");
            }
            Thread.onSpinWait();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
