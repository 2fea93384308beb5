package org.billinghost.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.Emails;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password reset links: the message, single use, expiry on the billing clock, and only a hash stored. */
class PasswordResetTest {
    private static final String LINK = "https://billing.example.com/resetpassword";
    private static final Pattern TOKEN = Pattern.compile("key=([A-Za-z0-9_-]+)");
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

    private String email() {
        return core.clients().get(shop.clientId).orElseThrow().email();
    }

    private EmailMessage requestLink() {
        core.emails().requestPasswordReset(Emails.Account.CLIENT, email().toUpperCase(java.util.Locale.ROOT), LINK);
        List<EmailMessage> resets = shop.messages().stream().filter(m -> m.template().equals("password_reset")).toList();
        return resets.get(resets.size() - 1);
    }

    private static String token(EmailMessage message) {
        Matcher m = TOKEN.matcher(message.text());
        assertTrue(m.find(), message.text());
        return m.group(1);
    }

    @Test
    void theLinkSetsTheNewPasswordOnceAndOnlyItsHashIsStored() {
        EmailMessage message = requestLink();
        String token = token(message);
        assertEquals("Reset your password", message.subject());
        assertTrue(message.text().contains(LINK + "?key=" + token), message.text());
        assertEquals(List.of(PasswordResets.hash(token)), core.jdbc().query("SELECT token_hash FROM password_resets",
                rs -> rs.getString(1)));

        core.emails().resetPassword(Emails.Account.CLIENT, token, "new secret 1");
        assertEquals(shop.clientId, core.clients().authenticate(email(), "new secret 1").orElseThrow().id());

        BillingException again = assertThrows(BillingException.class,
                () -> core.emails().resetPassword(Emails.Account.CLIENT, token, "new secret 2"));
        assertEquals("This password reset link has expired or has already been used. Ask for a new one.",
                again.getMessage());
        assertTrue(core.clients().authenticate(email(), "new secret 2").isEmpty());
        assertEquals(1, core.activityLog().search("Password reset by e-mail link", 0, 0, 10).items().size());
    }

    @Test
    void anExpiredLinkChangesNothing() {
        String token = token(requestLink());
        core.clock().advance(Duration.ofMinutes(Emails.RESET_MINUTES).plusSeconds(1));

        assertThrows(BillingException.class,
                () -> core.emails().resetPassword(Emails.Account.CLIENT, token, "new secret 1"));
        assertTrue(core.clients().authenticate(email(), "password").isPresent());
    }

    @Test
    void aClientTokenDoesNotResetAnAdmin() {
        String token = token(requestLink());

        assertThrows(BillingException.class,
                () -> core.emails().resetPassword(Emails.Account.ADMIN, token, "new secret 1"));
        assertTrue(core.clients().authenticate(email(), "password").isPresent());
    }

    @Test
    void anUnknownAddressQueuesNothing() {
        long before = core.emails().list(0, "", 0, 1).total();
        core.emails().requestPasswordReset(Emails.Account.CLIENT, "nobody@example.com", LINK);
        core.emails().requestPasswordReset(Emails.Account.ADMIN, email(), LINK);

        assertEquals(before, core.emails().list(0, "", 0, 1).total());
        assertEquals(0L, core.jdbc().queryLong("SELECT COUNT(*) FROM password_resets"));
    }

    @Test
    void anAdminGetsALinkToo() {
        long adminId = core.admins().create("ops", "ops@example.com", "old secret", "Full Administrator").id();
        core.emails().requestPasswordReset(Emails.Account.ADMIN, "ops@example.com", LINK);
        EmailMessage message = core.emails().list(0, "ops@example.com", 0, 1).items().get(0);
        assertEquals("password_reset", message.template());

        core.emails().resetPassword(Emails.Account.ADMIN, token(message), "new secret 1");
        assertEquals(adminId, core.admins().authenticate("ops", "new secret 1").orElseThrow().id());
    }

    @Test
    void theTemplateIsNotSentByHand() {
        BillingException refused = assertThrows(BillingException.class,
                () -> core.emails().send("password_reset", shop.clientId));
        assertEquals("messagename", refused.field().orElseThrow());
    }
}
