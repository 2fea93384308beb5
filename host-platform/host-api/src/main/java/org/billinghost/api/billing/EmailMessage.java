package org.billinghost.api.billing;

import java.time.Instant;

/**
 * One e-mail of the outbox, as it was (or will be) sent. {@code subject}, {@code text} and {@code html} are
 * empty until the message has been rendered (just before its first sending attempt).
 *
 * @param template  the template's name, {@link EmailTemplate#CUSTOM} for a message written by hand
 * @param lastError why the last attempt failed (a sentence), empty when none did
 * @param sentAt    when the SMTP server accepted it (or, in demo mode, when it was stored); null before
 * @since 2.2
 */
public record EmailMessage(long id, long clientId, String template, String toAddress, String toName, String subject,
                           String text, String html, Status status, int attempts, String lastError, Instant created,
                           Instant sentAt, String messageId) {

    /** Where a message is. */
    public enum Status {
        /** Waits for a worker (also after a failed attempt, until its next attempt is due). */
        QUEUED("Queued"),
        /** A worker holds it; it has not been handed to the SMTP server yet. */
        CLAIMED("Queued"),
        /** Handed to the SMTP server, not yet confirmed. */
        SENDING("Sending"),
        SENT("Sent"),
        /** Demo mode without an SMTP server: kept and shown, never sent. */
        STORED("Stored (demo)"),
        /** A host stopped while the SMTP server had it: it may have been sent; never re-sent by itself. */
        UNCERTAIN("May have been sent");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
