package org.billinghost.api.billing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.billinghost.api.platform.ResultPage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's e-mail: the outbox (every message, its status and the message as sent), the templates and the
 * SMTP settings. Messages of events (order placed, invoice created, …) are queued by the host itself in the
 * event's transaction and sent by its workers; see {@code docs/email.md}.
 *
 * @since 2.2
 */
@ProviderType
public interface Emails {

    /** The longest subject accepted (RFC 5322's line limit). */
    int MAX_SUBJECT_LENGTH = 998;
    /** The longest template source or hand-written message accepted, in characters. */
    int MAX_BODY_LENGTH = 100_000;

    /** Messages, newest first; {@code clientId} 0 for every client; {@code search} matches address or subject. */
    ResultPage<EmailMessage> list(long clientId, String search, int offset, int limit);

    Optional<EmailMessage> get(long id);

    /** Messages that wait to be sent (queued or being retried). */
    long waiting();

    /**
     * Queues a template's message again for an event: {@code relatedId} is what the template is about (the
     * client for client templates, the order, the invoice or the service).
     *
     * @throws BillingException invalid for an unknown template, not found for an unknown related id
     */
    EmailMessage send(String template, long relatedId);

    /**
     * Queues a message written by hand to a client (plain text; the HTML part is the text, escaped).
     *
     * @throws BillingException invalid for an empty or too long subject or message, not found for an unknown client
     */
    EmailMessage sendCustom(long clientId, String subject, String message);

    /**
     * Queues a copy of a message exactly as it was rendered (same subject and bodies, a new Message-ID).
     *
     * @throws BillingException not found for an unknown message, conflict for one never rendered
     */
    EmailMessage resend(long id);

    List<EmailTemplate> templates();

    /** @throws BillingException not found for an unknown template */
    EmailTemplate template(String name);

    /**
     * Saves a template after a syntax check of its three parts.
     *
     * @throws BillingException invalid, with the part as {@code field()} ({@code subject}, {@code text},
     *                          {@code html}) and the line in the message, for a template that does not parse
     */
    EmailTemplate saveTemplate(String name, String subject, String text, String html);

    /**
     * Drops an admin's edit: the template is the host's default again.
     *
     * @throws BillingException invalid for a template an admin added (it has no default: delete it instead)
     */
    EmailTemplate resetTemplate(String name);

    /** The longest label of an added template. */
    int MAX_LABEL_LENGTH = 200;

    /**
     * Adds a product welcome template (the variables of {@code product_welcome}), a copy of the default welcome
     * template's current sources; products choose it as their welcome e-mail by its {@link EmailTemplate#id()}.
     *
     * @throws BillingException invalid, field {@code label}, for an empty or too long label, or one in use
     * @since 2.2
     */
    EmailTemplate addWelcomeTemplate(String label);

    /**
     * Deletes a product welcome template an admin added.
     *
     * @throws BillingException not found for an unknown template; invalid for one of the host's own; conflict,
     *                          naming the products, while a product has it as its welcome e-mail
     * @since 2.2
     */
    void deleteTemplate(String name);

    /**
     * Renders the given sources on sample data (not saved).
     *
     * @return the rendered message (status {@code QUEUED}, id 0)
     * @throws BillingException invalid, naming the part and the line, for a template that fails
     */
    EmailMessage preview(String name, String subject, String text, String html);

    MailServer server();

    /**
     * Saves the SMTP settings; an empty {@code password} keeps the stored one.
     *
     * @throws BillingException invalid, naming the field, for a bad host, port or from address
     */
    MailServer saveServer(String host, int port, MailServer.Security security, String username, String password,
                          String fromName, String fromAddress);

    /**
     * Sends a test message now (not through the outbox) with the saved settings.
     *
     * @return the SMTP server's answer to the message, e.g. {@code 250 2.0.0 Ok: queued as 12345}
     * @throws BillingException invalid for a bad address; unavailable, with a sentence saying what the server
     *                          answered (or that it could not be reached), when the message was not accepted
     */
    String sendTest(String toAddress);

    /**
     * Runs {@code action} without queueing the messages that the named templates would queue for the events it
     * causes, in this thread (WHMCS's {@code noemail} switches: e.g. {@code client_signup} around
     * {@link Clients#add}). Other templates, and events of other threads, are not affected.
     *
     * @param templates template names as {@link #templates()} gives them
     * @throws BillingException not found for an unknown template name, before anything runs
     */
    <T> T withoutMessages(Set<String> templates, Supplier<T> action);

    /** Whose password a reset link changes. */
    enum Account { CLIENT, ADMIN }

    /** How long a password reset link works, in minutes. */
    int RESET_MINUTES = 60;

    /**
     * Queues a password reset link ({@code password_reset}) to each account with this e-mail address that may
     * log in; nothing for an unknown address. The caller answers the same either way, so the answer never tells
     * whether an address has an account. Only a hash of the link's token is stored.
     *
     * @param link the reset page's absolute address; the token is added as its {@code key} parameter (pages use {@code token} for the CSRF token)
     */
    void requestPasswordReset(Account account, String email, String link);

    /**
     * Sets a new password with a reset link's token, and uses the token up, in one transaction.
     *
     * @throws BillingException invalid, with nothing changed, for an empty password, or a token that is unknown,
     *                          expired or already used
     */
    void resetPassword(Account account, String token, String newPassword);

    /** Whether the host runs in demo mode (messages are stored when no SMTP server is set). */
    boolean demo();
}
