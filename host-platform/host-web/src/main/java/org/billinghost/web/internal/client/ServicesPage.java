package org.billinghost.web.internal.client;

import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.log.FailureLog;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /clientarea/services}, the client area's main page: the active addons' client-area output, then the
 * client's services with status, billing (cycle, next due date, recurring amount), a link to pay an unpaid
 * invoice of the service, and the server module's own output (not for a Pending service waiting for its
 * invoice to be paid: the module cannot know that).
 */
final class ServicesPage implements Page {
    private static final FailureLog FAILURES = new FailureLog(LoggerFactory.getLogger(ServicesPage.class));
    private static final int SHOWN = 200;
    private final HostServices host;

    ServicesPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        Map<Long, Long> unpaid = unpaidInvoices(ex.client().id());
        List<Map<String, Object>> services = host.services().list(ex.client().id(), 0, SHOWN).items().stream()
                .map(s -> awaitsPayment(s, unpaid)
                        // the module would say "being set up": it is not, until the invoice is paid
                        ? Exchange.model("service", s, "invoiceId", unpaid.get(s.id()), "awaitsPayment", true)
                        : Exchange.model("service", s, "invoiceId", unpaid.get(s.id()), "awaitsPayment", false,
                        "html", moduleOutput(s)))
                .toList();
        // Modules.clientAreaOutputs already leaves out (and logs) an addon that fails
        ex.render("client/services.ftlh", Exchange.model("services", services,
                "addons", host.modules().clientAreaOutputs(ex.client().id()), "currency", host.catalog().currency()));
    }

    /** The oldest unpaid invoice of each service of the client, by service id. */
    private Map<Long, Long> unpaidInvoices(long clientId) {
        Map<Long, Long> byService = new HashMap<>();
        for (Invoice listed : host.invoices().list(InvoiceStatus.UNPAID, clientId, 0, SHOWN).items()) {
            // the list leaves the lines out; the invoice itself has them
            host.invoices().get(listed.id()).ifPresent(invoice -> invoice.lines().stream()
                    .filter(line -> line.serviceId() > 0)
                    .forEach(line -> byService.merge(line.serviceId(), invoice.id(), Math::min)));
        }
        return byService;
    }

    private static boolean awaitsPayment(ServiceAccount service, Map<Long, Long> unpaid) {
        return service.status() == ServiceStatus.PENDING && unpaid.containsKey(service.id());
    }

    /** A module that fails to answer must not take the whole page down. */
    private String moduleOutput(ServiceAccount service) {
        try {
            return host.commands().clientArea(service.id()).orElse(null);
        } catch (RuntimeException e) {
            FAILURES.error(e, "Client-area output failed: service={} module={}", service.id(), service.module());
            return null;
        }
    }
}
