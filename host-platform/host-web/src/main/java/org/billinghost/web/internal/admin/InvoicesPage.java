package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.UUID;

/** {@code /admin/invoices?id=N}: one invoice and Mark Paid; without an id, a box to open one by number. */
final class InvoicesPage implements Page {
    private final HostServices host;

    InvoicesPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        if (ex.isPost()) {
            if (!"markpaid".equals(ex.param("do"))) {
                throw PageException.badRequest("Unknown action.");
            }
            ex.actThenRedirect("/admin/invoices?id=" + id, () -> {
                Invoice invoice = invoice(id);
                if (invoice.status() != InvoiceStatus.UNPAID) {
                    throw PageException.badRequest("Invoice #" + id + " is " + invoice.status().label() + ", not Unpaid.");
                }
                // A fresh transaction id per press: the host refuses a repeated one, so nothing is counted twice.
                Invoice paid = host.invoices().addPayment(id, invoice.total().subtract(invoice.paid()),
                        "admin-" + UUID.randomUUID(), "Marked paid by " + ex.admin().username());
                return "Invoice #" + paid.id() + " is now " + paid.status().label() + ".";
            });
            return;
        }
        if (id == 0) {
            ex.render("admin/invoices.ftlh", Exchange.model("invoice", null));
            return;
        }
        Invoice invoice = invoice(id);
        ex.render("admin/invoices.ftlh", Exchange.model("invoice", invoice,
                "owner", host.clients().get(invoice.clientId()).orElse(null)));
    }

    private Invoice invoice(long id) {
        return host.invoices().get(id).orElseThrow(() -> PageException.notFound("There is no invoice #" + id + "."));
    }
}
