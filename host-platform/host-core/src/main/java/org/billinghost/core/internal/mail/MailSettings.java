package org.billinghost.core.internal.mail;

import org.billinghost.api.billing.MailServer;

/** The SMTP settings with the password, which only the sender sees ({@link MailServer} never carries it). */
record MailSettings(MailServer server, String password) {
    static final MailSettings NONE = new MailSettings(new MailServer("", 587, MailServer.Security.STARTTLS, "", false,
            "Billing", "billing@localhost"), "");

    static MailSettings of(MailConfiguration config) {
        String password = config.password() == null ? "" : config.password();
        return new MailSettings(new MailServer(config.host().strip(), config.port(), config.security(),
                config.username().strip(), !password.isEmpty(), config.fromName().strip(), config.fromAddress().strip()),
                password);
    }

    @Override
    public String toString() {
        return "MailSettings[" + server + "]";
    }
}
