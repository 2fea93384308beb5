package org.billinghost.core.internal.mail;

import org.billinghost.api.billing.MailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP settings with the password, which only the sender sees ({@link MailServer} never carries it), and the
 * operator's time-out and first retry delay (not on the Mail settings page: set in the PID's .cfg file).
 */
record MailSettings(MailServer server, String password, int timeoutSeconds, int retrySeconds) {
    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_TIMEOUT_SECONDS = 300;
    static final int DEFAULT_RETRY_SECONDS = 30;
    static final int MAX_RETRY_SECONDS = 3600;
    private static final Logger LOG = LoggerFactory.getLogger(MailSettings.class);

    static final MailSettings NONE = new MailSettings(new MailServer("", 587, MailServer.Security.STARTTLS, "", false,
            "Billing", "billing@localhost"), "", DEFAULT_TIMEOUT_SECONDS, DEFAULT_RETRY_SECONDS);

    static MailSettings of(MailConfiguration config) {
        String password = config.password() == null ? "" : config.password();
        return new MailSettings(new MailServer(config.host().strip(), config.port(), config.security(),
                config.username().strip(), !password.isEmpty(), config.fromName().strip(), config.fromAddress().strip()),
                password, within("timeoutSeconds", config.timeoutSeconds(), MAX_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS),
                within("retrySeconds", config.retrySeconds(), MAX_RETRY_SECONDS, DEFAULT_RETRY_SECONDS));
    }

    /** How long a claim on a message lasts: longer than one SMTP transaction with its time-outs. */
    long leaseMillis() {
        return 4_000L * timeoutSeconds;
    }

    /** A value out of its range is refused by name in the log and the default applies. */
    private static int within(String name, int value, int max, int fallback) {
        if (value >= 1 && value <= max) {
            return value;
        }
        LOG.warn("Mail setting {}={} refused: it is a number of seconds from 1 to {}; {} applies", name, value, max,
                fallback);
        return fallback;
    }

    @Override
    public String toString() {
        return "MailSettings[" + server + ", timeout " + timeoutSeconds + " s, first retry " + retrySeconds + " s]";
    }
}
