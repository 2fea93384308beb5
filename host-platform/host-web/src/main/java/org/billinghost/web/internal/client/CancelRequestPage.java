package org.billinghost.web.internal.client;

import java.io.IOException;

import org.billinghost.api.billing.CancellationRequest;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

/** {@code /clientarea/cancel?id=N}: the client asks to cancel one of their services, now or at the period's end. */
final class CancelRequestPage implements Page {
    private static final String SERVICES = "/clientarea/services";
    private final HostServices host;

    CancelRequestPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ServiceAccount service = OwnService.of(host, ex);
        if (ex.isPost()) {
            String reason = ex.param("reason");
            if (reason.length() > CancellationRequests.MAX_REASON_LENGTH) {
                throw PageException.badRequest("The reason is longer than " + CancellationRequests.MAX_REASON_LENGTH
                        + " characters.");
            }
            CancellationRequest.Type type = CancellationRequest.Type.of(ex.param("type"))
                    .orElseThrow(() -> PageException.badRequest("Choose when the service should be cancelled."));
            ex.actThenRedirect(SERVICES, () -> {
                CancellationRequest request = host.cancellations().request(service.id(), type, reason);
                return "Your cancellation request for service #" + service.id() + " is recorded: the service will be"
                        + " cancelled" + (type == CancellationRequest.Type.IMMEDIATE ? " shortly." : " on " + request.effectiveDate() + ".");
            });
            return;
        }
        ex.render("client/cancel.ftlh", Exchange.model("service", service,
                "request", host.cancellations().ofService(service.id()).orElse(null)));
    }
}
