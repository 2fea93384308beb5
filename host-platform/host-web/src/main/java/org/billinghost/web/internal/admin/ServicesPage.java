package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.ListView;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.Pager;

import java.io.IOException;

/** {@code /admin/services}: every service, searched by domain, site or number, sortable, with its client's name. */
final class ServicesPage implements Page {
    private final HostServices host;

    ServicesPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ListView list = ListView.of(ex, "/admin/services", Services.SORT_KEYS);
        Pager pager = Pager.of(ex, list.link());
        ResultPage<ServiceAccount> page = host.services().list(list.query(), pager.offset(), pager.size());
        ex.render("admin/services.ftlh", Exchange.model("list", list, "services", page.items(),
                "names", ClientNames.of(host.clients(), page.items().stream().mapToLong(ServiceAccount::clientId)),
                "pager", pager.withTotal(page.total())));
    }
}
