package org.billinghost.core.internal.mail;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.billinghost.api.billing.EmailMessage;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.LeasedQueue;
import org.billinghost.core.internal.db.RowMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code mail_outbox} table. A message is queued in the transaction of its event, at most once per
 * event key. Workers claim a message with a compare-and-set update (one owner, also across hosts sharing
 * the database), mark it {@code sending} just before the SMTP transaction and {@code sent} after it; a
 * message left {@code sending} by a host that died becomes {@code uncertain} and is never re-sent by itself.
 */
@Component(service = MailOutbox.class)
public final class MailOutbox {
    static final String COLUMNS = "id, client_id, template, to_address, to_name, subject, body_text, body_html, state,"
            + " attempts, last_error, created, sent_at, message_id, related_id";
    static final RowMapper<EmailMessage> MAPPER = rs -> {
        long sentAt = rs.getLong("sent_at");
        boolean neverSent = rs.wasNull();
        return new EmailMessage(rs.getLong("id"), rs.getLong("client_id"), rs.getString("template"),
                rs.getString("to_address"), rs.getString("to_name"), text(rs.getString("subject")),
                text(rs.getString("body_text")), text(rs.getString("body_html")),
                EmailMessage.Status.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)),
                rs.getInt("attempts"), text(rs.getString("last_error")), Instant.ofEpochMilli(rs.getLong("created")),
                neverSent ? null : Instant.ofEpochMilli(sentAt), rs.getString("message_id"));
    };

    /** Templates whose event messages this thread does not queue now (the HTTP API's noemail switches). */
    private static final ThreadLocal<Set<MailTemplate>> SUPPRESSED = ThreadLocal.withInitial(Set::of);

    private final Jdbc jdbc;
    private final LeasedQueue claimable;
    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();

    @Activate
    public MailOutbox(@Reference Jdbc jdbc) {
        this.jdbc = jdbc;
        this.claimable = new LeasedQueue(jdbc, "mail_outbox", "state = 'claimed' AND lease_until < ?",
                "state = 'queued' AND next_attempt_at <= ?");
    }

    /**
     * Queues the template's message for an event, inside the caller's transaction (the event's): nothing when
     * the event already queued it, or when the client is unknown or has no address. Workers of this process
     * are woken after the commit.
     *
     * @param event what happened, unique per template (e.g. the invoice id): the idempotency key's second half
     * @return the message's id, or 0 when nothing was queued
     */
    public long queue(MailTemplate template, long clientId, long relatedId, String event) {
        return queue(template, template.id(), clientId, relatedId, event);
    }

    /**
     * Queues the welcome message of a service that became Active: its product's welcome template (the default
     * {@code product_welcome}, an added one, or none), once per service whichever it is.
     *
     * @return the message's id, or 0 when nothing was queued
     */
    public long queueWelcome(long clientId, long serviceId) {
        Optional<Long> choice = jdbc.queryOne("SELECT p.welcome_email FROM services s JOIN products p"
                + " ON p.id = s.product_id WHERE s.id = ?", rs -> {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? -1L : id;
                }, serviceId);
        if (choice.isPresent() && choice.get() == 0) {
            return 0L;
        }
        String name = choice.isEmpty() || choice.get() < 0 ? MailTemplate.PRODUCT_WELCOME.id()
                : MailTemplates.addedName(choice.get());
        return queue(MailTemplate.PRODUCT_WELCOME, name, clientId, serviceId, String.valueOf(serviceId));
    }

    /** {@code template} gives the variables and the key, {@code name} the sources (an added template's). */
    long queue(MailTemplate template, String name, long clientId, long relatedId, String event) {
        if (SUPPRESSED.get().contains(template)) {
            return 0L;
        }
        String key = template.id() + ":" + event;
        return jdbc.inTransaction(() -> {
            if (jdbc.queryLong("SELECT COUNT(*) FROM mail_outbox WHERE event_key = ?", key) > 0) {
                return 0L;
            }
            Optional<String[]> recipient = jdbc.queryOne("SELECT email, first_name, last_name FROM clients WHERE id = ?",
                    rs -> new String[] {rs.getString(1), (rs.getString(2) + " " + rs.getString(3)).strip()}, clientId);
            if (recipient.isEmpty() || recipient.get()[0].isBlank()) {
                return 0L;
            }
            return insert(key, name, clientId, relatedId, recipient.get()[0], recipient.get()[1], null, null, null);
        });
    }

    /**
     * Runs {@code action} with the events' messages of {@code templates} not queued in this thread; the action's
     * own transactions run in this thread, so every event it causes is covered, and nothing else.
     */
    static <T> T without(Set<MailTemplate> templates, Supplier<T> action) {
        Set<MailTemplate> before = SUPPRESSED.get();
        Set<MailTemplate> during = new HashSet<>(before);
        during.addAll(templates);
        SUPPRESSED.set(Set.copyOf(during));
        try {
            return action.get();
        } finally {
            SUPPRESSED.set(before);
        }
    }

    /** Queues a message already rendered (written by hand, or a copy of one sent before). */
    long queueRendered(String key, String template, long clientId, long relatedId, String to, String toName,
                       String subject, String text, String html) {
        return jdbc.inTransaction(() -> insert(key, template, clientId, relatedId, to, toName, subject, text, html));
    }

    private long insert(String key, String template, long clientId, long relatedId, String to, String toName,
                        String subject, String text, String html) {
        long now = System.currentTimeMillis();
        long id = jdbc.insert("INSERT INTO mail_outbox (event_key, template, client_id, related_id, to_address, to_name,"
                + " subject, body_text, body_html, message_id, state, attempts, next_attempt_at, created)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)", key, template, clientId, relatedId, to,
                toName.length() > 600 ? toName.substring(0, 600) : toName, subject, text, html, newMessageId(), now, now);
        jdbc.afterCommit(() -> wakeUps.forEach(Runnable::run));
        return id;
    }

    /** A Message-ID for the life of the message: every attempt and a re-send after a crash carry the same one. */
    private static String newMessageId() {
        return "<" + UUID.randomUUID() + "@billing-host>";
    }

    void addWakeUp(Runnable wakeUp) {
        wakeUps.add(wakeUp);
    }

    void removeWakeUp(Runnable wakeUp) {
        wakeUps.remove(wakeUp);
    }

    /** A claimed message: its row as it was when claimed. */
    record Claim(long id, String owner, String template, long clientId, long relatedId, int attempts, String subject) {
        boolean rendered() {
            return subject != null;
        }
    }

    /**
     * Claims one due message for {@code owner}, or one whose claim expired before it reached the SMTP server.
     * The compare-and-set update alone guarantees one owner; SKIP LOCKED (PostgreSQL, MariaDB) only spares
     * hosts from waiting on each other.
     */
    Optional<Claim> claim(String owner, long leaseMillis) {
        return jdbc.inTransaction(() -> {
            long now = System.currentTimeMillis();
            List<Long> candidates = claimable.candidates(now, "", List.of());
            for (long id : candidates) {
                if (jdbc.update("UPDATE mail_outbox SET state = 'claimed', lease_owner = ?, lease_until = ?,"
                        + " attempts = attempts + 1 WHERE id = ? AND ((state = 'queued' AND next_attempt_at <= ?)"
                        + " OR (state = 'claimed' AND lease_until < ?))", owner, now + leaseMillis, id, now, now) == 1) {
                    return jdbc.queryOne("SELECT id, template, client_id, related_id, attempts, subject FROM mail_outbox"
                            + " WHERE id = ?", rs -> new Claim(rs.getLong("id"), owner, rs.getString("template"),
                            rs.getLong("client_id"), rs.getLong("related_id"), rs.getInt("attempts"),
                            rs.getString("subject")), id);
                }
            }
            return Optional.<Claim>empty();
        });
    }

    /** Stores the rendered message; false when the claim was lost. */
    boolean rendered(Claim claim, String subject, String text, String html) {
        return jdbc.update("UPDATE mail_outbox SET subject = ?, body_text = ?, body_html = ? WHERE id = ?"
                + " AND state = 'claimed' AND lease_owner = ?", subject, text, html, claim.id(), claim.owner()) == 1;
    }

    /** The point of no return: from here a crash leaves the message {@code uncertain}. False when the claim was lost. */
    boolean sending(Claim claim) {
        return jdbc.update("UPDATE mail_outbox SET state = 'sending' WHERE id = ? AND state = 'claimed'"
                + " AND lease_owner = ?", claim.id(), claim.owner()) == 1;
    }

    /**
     * The SMTP server accepted it ({@code sent}), or in demo mode without a server it is kept ({@code stored}).
     * Also when a very slow transaction outlasted the claim and another host has flagged it {@code uncertain}:
     * now it is known.
     */
    void delivered(Claim claim, boolean stored) {
        jdbc.update("UPDATE mail_outbox SET state = ?, sent_at = ?, last_error = NULL, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ? AND (lease_owner = ? OR state = 'uncertain')", stored ? "stored" : "sent",
                System.currentTimeMillis(), claim.id(), claim.owner());
    }

    /** Back to the queue with the reason, due again at {@code nextAttemptAt}; nothing was handed to SMTP. */
    void retryLater(Claim claim, String error, long nextAttemptAt) {
        jdbc.update("UPDATE mail_outbox SET state = 'queued', last_error = ?, next_attempt_at = ?, lease_owner = NULL,"
                + " lease_until = NULL WHERE id = ? AND lease_owner = ? AND state IN ('claimed', 'sending')",
                truncate(error), nextAttemptAt, claim.id(), claim.owner());
    }

    /** The transfer broke off after it had started: never sent again by itself, an admin decides. */
    void uncertain(Claim claim, String reason) {
        jdbc.update("UPDATE mail_outbox SET state = 'uncertain', last_error = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ? AND state = 'sending'", truncate(reason), claim.id(), claim.owner());
    }

    /** Messages whose host died while the SMTP server had them: marked so that an admin decides. */
    int markUncertain() {
        return jdbc.update("UPDATE mail_outbox SET state = 'uncertain', last_error = ?, lease_owner = NULL,"
                + " lease_until = NULL WHERE state = 'sending' AND lease_until < ?",
                "The host stopped while the SMTP server had this message: it may have been sent. Resend it if the"
                        + " recipient did not get it.", System.currentTimeMillis());
    }

    Optional<EmailMessage> get(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = ?", MAPPER, id);
    }

    long relatedId(long id) {
        return jdbc.queryLong("SELECT related_id FROM mail_outbox WHERE id = ?", id);
    }

    /** Messages not sent yet (queued, or claimed by a worker). */
    public long waiting() {
        return jdbc.queryLong("SELECT COUNT(*) FROM mail_outbox WHERE state IN ('queued', 'claimed')");
    }

    private static String truncate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
