package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.ListView;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.Pager;

import java.io.IOException;

/** {@code /admin/clients}: search by name, company, e-mail or number, sortable columns, paging. */
final class ClientsPage implements Page {
    private final HostServices host;

    ClientsPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ListView list = ListView.of(ex, "/admin/clients", Clients.SORT_KEYS);
        Pager pager = Pager.of(ex, list.link());
        ResultPage<Client> page = host.clients().list(list.query(), pager.offset(), pager.size());
        ex.render("admin/clients.ftlh", Exchange.model("list", list, "clients", page.items(),
                "pager", pager.withTotal(page.total())));
    }
}
