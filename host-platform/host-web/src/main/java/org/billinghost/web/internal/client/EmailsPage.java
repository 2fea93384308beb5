package org.billinghost.web.internal.client;

import java.io.IOException;

import org.billinghost.api.billing.EmailMessage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

/** {@code /clientarea/emails}: the messages sent to the client (in demo mode: stored), and one message's text. */
final class EmailsPage implements Page {
    private static final int SHOWN = 200;
    private final HostServices host;

    EmailsPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        if (id != 0) {
            // another client's message answers "not found": its existence is not told either
            EmailMessage message = host.emails().get(id).filter(m -> m.clientId() == ex.client().id()
                    && !m.subject().isEmpty()).orElseThrow(() -> PageException.notFound("There is no e-mail #" + id
                    + " on your account."));
            ex.render("client/email.ftlh", Exchange.model("message", message));
            return;
        }
        ex.render("client/emails.ftlh", Exchange.model("messages",
                host.emails().list(ex.client().id(), "", 0, SHOWN).items()));
    }
}
