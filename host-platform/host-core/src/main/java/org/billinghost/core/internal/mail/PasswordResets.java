package org.billinghost.core.internal.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Emails;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.logs.ActivityLogService;
import org.billinghost.core.internal.security.PasswordHasher;
import org.billinghost.core.internal.time.BillingClock;

/**
 * Password reset links: a random token whose SHA-256 alone is stored ({@code password_resets}); the message
 * is rendered when queued, since the token exists nowhere else to render it later.
 */
final class PasswordResets {
    /** A token is 32 random bytes in URL-safe Base64 (43 characters); anything longer is not one. */
    static final int MAX_TOKEN_LENGTH = 64;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_PASSWORD_LENGTH = 1_000;
    private static final String INVALID_LINK = "This password reset link has expired or has already been used."
            + " Ask for a new one.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Recipient(long id, String email, String name) {
    }

    private final Jdbc jdbc;
    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final Supplier<String> companyName;
    private final BillingClock clock;
    private final ActivityLogService activity;
    private final PasswordHasher hasher;

    PasswordResets(Jdbc jdbc, MailOutbox outbox, MailTemplates templates, Supplier<String> companyName,
                   BillingClock clock, PasswordHasher hasher) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.outbox = outbox;
        this.templates = templates;
        this.companyName = companyName;
        this.clock = clock;
        this.activity = new ActivityLogService(jdbc);
    }

    void request(Emails.Account account, String email, String link) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > MAX_EMAIL_LENGTH) {
            return;
        }
        for (Recipient recipient : recipients(account, address)) {
            String token = newToken();
            long now = clock.millis();
            jdbc.inTransaction(() -> {
                long id = jdbc.insert("INSERT INTO password_resets (account, account_id, token_hash, expires_at, created)"
                        + " VALUES (?, ?, ?, ?, ?)", key(account), recipient.id(), hash(token),
                        now + Emails.RESET_MINUTES * 60_000L, now);
                MailTemplates.Rendered message = templates.render(MailTemplate.PASSWORD_RESET.id(), Map.of(
                        "company", Map.of("name", companyName.get()),
                        "account", Map.of("name", recipient.name(), "email", recipient.email()),
                        "reset", Map.of("url", link + (link.contains("?") ? "&" : "?") + "key=" + token,
                                "minutes", String.valueOf(Emails.RESET_MINUTES))));
                outbox.queueRendered(MailTemplate.PASSWORD_RESET.id() + ":" + id, MailTemplate.PASSWORD_RESET.id(),
                        account == Emails.Account.CLIENT ? recipient.id() : 0, recipient.id(), recipient.email(),
                        recipient.name(), message.subject(), message.text(), message.html());
                activity.log("Password reset link sent to " + describe(account, recipient.id()),
                        account == Emails.Account.CLIENT ? recipient.id() : 0);
                return null;
            });
        }
    }

    void reset(Emails.Account account, String token, String newPassword) {
        if (newPassword == null || newPassword.isBlank() || newPassword.length() > MAX_PASSWORD_LENGTH) {
            throw BillingException.invalid("password", "The new password must have 1 to " + MAX_PASSWORD_LENGTH
                    + " characters.");
        }
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw BillingException.invalid("token", INVALID_LINK);
        }
        String passwordHash = hasher.hash(newPassword);
        String tokenHash = hash(token);
        jdbc.inTransaction(() -> {
            long now = clock.millis();
            long accountId = jdbc.queryOne("SELECT account_id FROM password_resets WHERE token_hash = ? AND account = ?"
                    + " AND used_at IS NULL AND expires_at > ?", rs -> rs.getLong(1), tokenHash, key(account), now)
                    .orElseThrow(() -> BillingException.invalid("token", INVALID_LINK));
            // the compare-and-set makes the token single-use even when two resets race
            if (jdbc.update("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", now,
                    tokenHash) != 1) {
                throw BillingException.invalid("token", INVALID_LINK);
            }
            String table = account == Emails.Account.CLIENT ? "clients" : "admins";
            if (jdbc.update("UPDATE " + table + " SET password_hash = ? WHERE id = ?", passwordHash, accountId) != 1) {
                throw BillingException.invalid("token", INVALID_LINK);
            }
            activity.log("Password reset by e-mail link for " + describe(account, accountId),
                    account == Emails.Account.CLIENT ? accountId : 0);
            return null;
        });
    }

    private List<Recipient> recipients(Emails.Account account, String address) {
        return account == Emails.Account.CLIENT
                ? jdbc.query("SELECT id, email, first_name, last_name FROM clients WHERE email_key = ?",
                        rs -> new Recipient(rs.getLong(1), rs.getString(2),
                                (rs.getString(3) + " " + rs.getString(4)).strip()), address)
                : jdbc.query("SELECT id, email, username FROM admins WHERE LOWER(email) = ? AND disabled = ?",
                        rs -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3)), address, false);
    }

    private static String describe(Emails.Account account, long id) {
        return (account == Emails.Account.CLIENT ? "client " : "admin ") + id;
    }

    private static String key(Emails.Account account) {
        return account.name().toLowerCase(Locale.ROOT);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
