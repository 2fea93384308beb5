package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Client;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;

/** {@code /admin/clientssummary?id=N}: a client's profile with services, orders, invoices and credit entries. */
final class ClientSummaryPage implements Page {
    private static final int SHOWN = 100;
    private final HostServices host;

    ClientSummaryPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        Client client = host.clients().get(id).orElseThrow(() -> PageException.notFound("There is no client #" + id + "."));
        ex.render("admin/clientsummary.ftlh", Exchange.model("profile", client,
                "services", host.services().list(id, 0, SHOWN).items(),
                "orders", host.orders().list(null, id, 0, SHOWN).items(),
                "invoices", host.invoices().ofClient(id, 0, SHOWN).items(),
                "credits", host.invoices().credits(id, 0, SHOWN).items(),
                "messages", host.emails().list(id, "", 0, SHOWN).items()));
    }
}
