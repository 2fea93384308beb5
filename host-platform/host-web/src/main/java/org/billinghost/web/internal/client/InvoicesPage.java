package org.billinghost.web.internal.client;

import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.UUID;

/**
 * {@code /clientarea/invoices}: the client's invoices and one invoice; in demo mode an unpaid one
 * has a "Pay with demo gateway" button that records a payment with a unique transaction id.
 */
final class InvoicesPage implements Page {
    private static final int SHOWN = 200;
    private final HostServices host;
    private final boolean demo;

    InvoicesPage(HostServices host, boolean demo) {
        this.host = host;
        this.demo = demo;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        if (ex.isPost()) {
            if (!demo || !"pay".equals(ex.param("do"))) {
                throw PageException.badRequest("Payments are taken by the demo gateway only in demo mode.");
            }
            ex.actThenRedirect("/clientarea/invoices?id=" + id, () -> {
                Invoice invoice = own(ex, id);
                if (invoice.status() != InvoiceStatus.UNPAID) {
                    throw PageException.badRequest("Invoice #" + id + " is " + invoice.status().label() + ".");
                }
                Invoice paid = host.invoices().addPayment(id, invoice.total().subtract(invoice.paid()),
                        "demo-" + UUID.randomUUID(), "demo");
                return "Paid with the demo gateway: invoice #" + paid.id() + " is " + paid.status().label() + ".";
            });
            return;
        }
        if (id != 0) {
            ex.render("client/invoice.ftlh", Exchange.model("invoice", own(ex, id), "demo", demo));
            return;
        }
        ex.render("client/invoices.ftlh", Exchange.model("invoices",
                host.invoices().ofClient(ex.client().id(), 0, SHOWN).items()));
    }

    /** Another client's invoice answers "not found", not "forbidden": its existence is not told either. */
    private Invoice own(Exchange ex, long id) {
        return host.invoices().get(id).filter(i -> i.clientId() == ex.client().id())
                .orElseThrow(() -> PageException.notFound("There is no invoice #" + id + " on your account."));
    }
}
