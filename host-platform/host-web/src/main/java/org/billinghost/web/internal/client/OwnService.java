package org.billinghost.web.internal.client;

import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.PageException;

/** The logged-in client's service named by the page's {@code id}. */
final class OwnService {
    private OwnService() {
    }

    /** Another client's service is as absent as one that does not exist: 404 for both. */
    static ServiceAccount of(HostServices host, Exchange ex) {
        long id = ex.number("id");
        return host.services().get(id).filter(s -> s.clientId() == ex.client().id())
                .orElseThrow(() -> PageException.notFound("You have no service #" + id + "."));
    }
}
