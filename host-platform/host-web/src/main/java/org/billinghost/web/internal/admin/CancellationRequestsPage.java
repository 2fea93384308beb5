package org.billinghost.web.internal.admin;

import java.io.IOException;

import org.billinghost.api.billing.CancellationRequest;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.Pager;

/** {@code /admin/cancelrequests}: the customers' cancellation requests, newest first. */
final class CancellationRequestsPage implements Page {
    private static final String LINK = "/admin/cancelrequests";
    private final HostServices host;

    CancellationRequestsPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        Pager pager = Pager.of(ex, LINK);
        ResultPage<CancellationRequest> page = host.cancellations().list(pager.offset(), pager.size());
        ex.render("admin/cancelrequests.ftlh", Exchange.model("requests", page.items(),
                "pager", pager.withTotal(page.total())));
    }
}
