package org.billinghost.core.internal.mail;

/** A message was not accepted; the message is one sentence fit for the settings page and the log. */
final class MailFailure extends Exception {
    private static final long serialVersionUID = 1L;

    MailFailure(String sentence) {
        super(sentence, null, false, false);
    }
}
