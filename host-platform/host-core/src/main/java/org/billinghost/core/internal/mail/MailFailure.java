package org.billinghost.core.internal.mail;

/**
 * A message was not sent, or (when {@link #mayHaveBeenSent()}) the connection broke during the transfer so that the
 * server may have it; the message is one sentence fit for the settings page and the log.
 */
final class MailFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveBeenSent;

    MailFailure(String sentence) {
        this(sentence, false);
    }

    private MailFailure(String sentence, boolean mayHaveBeenSent) {
        super(sentence, null, false, false);
        this.mayHaveBeenSent = mayHaveBeenSent;
    }

    static MailFailure mayHaveBeenSent(String sentence) {
        return new MailFailure(sentence, true);
    }

    /** Sending it again could deliver it twice. */
    boolean mayHaveBeenSent() {
        return mayHaveBeenSent;
    }
}
