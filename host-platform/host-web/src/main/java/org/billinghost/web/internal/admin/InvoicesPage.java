package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.ListView;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Pager;

import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

/** {@code /admin/invoices?id=N}: one invoice with its transactions and Mark Paid; without an id, every invoice by status with paging. */
final class InvoicesPage implements Page {
    /** An invoice's payments are a few; the page shows this many at most. */
    private static final int SHOWN_TRANSACTIONS = 100;
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
            String status = ex.param("status");
            ListView list = ListView.of(ex, "/admin/invoices?status=" + Pager.encode(status), Invoices.SORT_KEYS);
            Pager pager = Pager.of(ex, list.link());
            ResultPage<Invoice> page = host.invoices().list(list.query(), status(status), pager.offset(), pager.size());
            ex.render("admin/invoices.ftlh", Exchange.model("invoice", null, "invoices", page.items(), "status", status,
                    "list", list, "names", ClientNames.of(host.clients(), page.items().stream().mapToLong(Invoice::clientId)),
                    "statuses", Arrays.stream(InvoiceStatus.values()).map(InvoiceStatus::label).toList(),
                    "pager", pager.withTotal(page.total())));
            return;
        }
        Invoice invoice = invoice(id);
        ex.render("admin/invoices.ftlh", Exchange.model("invoice", invoice,
                "owner", host.clients().get(invoice.clientId()).orElse(null),
                "transactions", host.invoices().transactions(id, 0, null, 0, SHOWN_TRANSACTIONS).items()));
    }

    /** The status filter by its label; empty means every status. */
    private static InvoiceStatus status(String label) {
        if (label.isEmpty()) {
            return null;
        }
        return Arrays.stream(InvoiceStatus.values()).filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> PageException.badRequest("Choose a status from the list."));
    }

    private Invoice invoice(long id) {
        return host.invoices().get(id).orElseThrow(() -> PageException.notFound("There is no invoice #" + id + "."));
    }
}
