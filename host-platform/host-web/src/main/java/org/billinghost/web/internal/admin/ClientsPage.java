package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Client;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.Pager;

import java.io.IOException;

/** {@code /admin/clients}: search by name, company or e-mail, with paging. */
final class ClientsPage implements Page {
    private final HostServices host;

    ClientsPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String search = ex.param("search").trim();
        Pager pager = Pager.of(ex, "/admin/clients?search=" + Pager.encode(search));
        ResultPage<Client> page = host.clients().search(search, pager.offset(), pager.size());
        ex.render("admin/clients.ftlh", Exchange.model("search", search, "clients", page.items(),
                "pager", pager.withTotal(page.total())));
    }
}
