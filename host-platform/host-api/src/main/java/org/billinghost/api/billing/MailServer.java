package org.billinghost.api.billing;

/**
 * The SMTP server settings. The password is never given back: {@code passwordSet} says whether there is one.
 *
 * @since 2.2
 */
public record MailServer(String host, int port, Security security, String username, boolean passwordSet,
                         String fromName, String fromAddress) {

    /** How the connection is protected. */
    public enum Security {
        /** Plain SMTP. */
        NONE,
        /** Plain SMTP upgraded with STARTTLS, which is required (no fall-back to plain text). */
        STARTTLS,
        /** SMTP over TLS from the first byte (SMTPS, usually port 465). */
        SSL
    }

    /** Whether a server is configured at all (without one, messages wait, or in demo mode are stored). */
    public boolean configured() {
        return !host.isEmpty();
    }
}
