package org.billinghost.core.internal.mail;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers claimed messages: renders a message once (the rendered text is stored, so every attempt and a
 * resend send the same), then, with an SMTP server set, marks it {@code sending} once connected and
 * {@code sent} after the server accepted it. A failure puts it back in the queue with the reason and a
 * growing delay (the setting {@code retrySeconds}, 30 s by default, doubling up to an hour; never given up); without a server it waits, or in demo mode
 * is stored.
 */
final class MailDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    private static final long MAX_DELAY_MILLIS = 3_600_000L;

    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final MailVariables variables;
    private final SmtpMailer mailer;
    private final Supplier<MailSettings> settings;
    private final boolean demo;

    MailDelivery(MailOutbox outbox, MailTemplates templates, MailVariables variables, SmtpMailer mailer,
                 Supplier<MailSettings> settings, boolean demo) {
        this.outbox = outbox;
        this.templates = templates;
        this.variables = variables;
        this.mailer = mailer;
        this.settings = settings;
        this.demo = demo;
    }

    /** The longest one delivery can take: a claim's length. */
    long leaseMillis() {
        return settings.get().leaseMillis();
    }

    /** Claims and delivers due messages on the calling thread until none is due; answers how many it took. */
    int runDue(String owner) {
        int taken = 0;
        while (runOne(owner)) {
            taken++;
        }
        return taken;
    }

    /** Claims and delivers one due message; false when none is due. */
    boolean runOne(String owner) {
        outbox.markUncertain();
        // the claim's length is also how long after a crash a message left sending waits to be flagged
        Optional<MailOutbox.Claim> claim = outbox.claim(owner, leaseMillis());
        claim.ifPresent(this::deliver);
        return claim.isPresent();
    }

    void deliver(MailOutbox.Claim claim) {
        MailSettings current = settings.get();
        if (!claim.rendered() && !render(claim, current)) {
            return;
        }
        if (!current.server().configured()) {
            if (demo) {
                outbox.delivered(claim, true);
            } else {
                retry(claim, "No SMTP server is set (Setup > Mail): the message waits until one is.");
            }
            return;
        }
        EmailMessage message = outbox.get(claim.id()).orElseThrow();
        try {
            String answer = mailer.send(current, new SmtpMailer.Outgoing(message.toAddress(), message.toName(),
                    message.subject(), message.text(), message.html(), message.messageId()), () -> outbox.sending(claim));
            outbox.delivered(claim, false);
            LOG.info("E-mail sent: message={} template={} answer={}", claim.id(), claim.template(), answer);
        } catch (MailFailure e) {
            if (e.mayHaveBeenSent()) {
                outbox.uncertain(claim, e.getMessage() + " Resend it if the recipient did not get it.");
                LOG.warn("E-mail may have been sent: message={} template={} reason={}", claim.id(), claim.template(),
                        e.getMessage());
            } else {
                retry(claim, e.getMessage());
            }
        }
    }

    private boolean render(MailOutbox.Claim claim, MailSettings current) {
        MailTemplate template = MailTemplates.kindOf(claim.template()).orElse(null);
        if (template == null) {
            retry(claim, "Unknown template " + claim.template() + ".");
            return false;
        }
        try {
            Map<String, Object> model = variables.model(template, claim.clientId(), claim.relatedId(),
                    current.server().fromName());
            MailTemplates.Rendered rendered = templates.render(claim.template(), model);
            return outbox.rendered(claim, rendered.subject(), rendered.text(), rendered.html());
        } catch (BillingException e) {
            retry(claim, "The template " + claim.template() + " could not be rendered: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // a bug, not the admin's template: logged with its stack trace, and the message waits for a retry
            LOG.error("Rendering an e-mail failed: message={} template={}", claim.id(), claim.template(), e);
            retry(claim, "The template " + claim.template() + " could not be rendered because of an unexpected error"
                    + " (see the host's log).");
            return false;
        }
    }

    private void retry(MailOutbox.Claim claim, String reason) {
        long delay = Math.min(MAX_DELAY_MILLIS, settings.get().retrySeconds() * 1000L << Math.min(claim.attempts() - 1, 20));
        outbox.retryLater(claim, reason, System.currentTimeMillis() + delay);
        LOG.warn("E-mail not sent, retried in {} s: message={} template={} attempt={} reason={}", delay / 1000,
                claim.id(), claim.template(), claim.attempts(), reason);
    }
}
