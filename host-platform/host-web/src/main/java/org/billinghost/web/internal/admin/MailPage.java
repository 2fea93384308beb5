package org.billinghost.web.internal.admin;

import java.io.IOException;
import java.util.Locale;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.MailServer;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

/**
 * {@code /admin/configmail}: the SMTP settings (the password is never shown back; an empty one keeps the
 * stored one), "Send test message" with the server's answer, how many messages wait, and the templates.
 */
final class MailPage implements Page {
    private static final String LINK = "/admin/configmail";
    private final HostServices host;

    MailPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.isPost()) {
            switch (ex.param("do")) {
                case "save" -> ex.actThenRedirect(LINK, () -> {
                    MailServer saved = host.emails().saveServer(ex.param("host"), port(ex.param("port")),
                            security(ex.param("security")), ex.param("username"), ex.param("password"),
                            ex.param("fromname"), ex.param("fromaddress"));
                    return saved.configured() ? "Mail settings saved: messages go through " + saved.host() + ":"
                            + saved.port() + "." : "Mail settings saved without an SMTP server.";
                });
                case "test" -> {
                    try {
                        String answer = host.emails().sendTest(ex.param("to"));
                        ex.flash(Notice.ok("The SMTP server accepted the test message: " + answer));
                    } catch (BillingException e) {
                        ex.flash(Notice.error(e.getMessage()));
                    }
                    ex.redirect(LINK);
                }
                default -> throw PageException.badRequest("Unknown action.");
            }
            return;
        }
        ex.render("admin/mail.ftlh", Exchange.model("server", host.emails().server(),
                "securities", MailServer.Security.values(), "waiting", host.emails().waiting(),
                "demo", host.emails().demo(), "templates", host.emails().templates()));
    }

    private static int port(String value) {
        try {
            return value.length() > 5 ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static MailServer.Security security(String value) {
        try {
            return MailServer.Security.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
