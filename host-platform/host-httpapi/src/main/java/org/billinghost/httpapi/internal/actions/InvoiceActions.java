package org.billinghost.httpapi.internal.actions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Permissions;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** GetInvoice, AddInvoicePayment. */
public final class InvoiceActions {

    private final Invoices invoices;
    private final Orders orders;

    public InvoiceActions(Invoices invoices, Orders orders) {
        this.invoices = invoices;
        this.orders = orders;
    }

    public void register(ActionTable table) {
        table.add("GetInvoice", Permissions.INVOICES, (r, admin) -> getInvoice(r))
                .add("AddInvoicePayment", Permissions.INVOICES, (r, admin) -> addPayment(r));
    }

    private Invoice invoice(ApiRequest r) {
        long id = r.id("invoiceid");
        return invoices.get(id).orElseThrow(() -> ApiError.notFound("Invoice ID Not Found: " + id));
    }

    private Map<String, Object> getInvoice(ApiRequest r) {
        Invoice invoice = invoice(r);
        String paymentMethod = orders.get(invoice.orderId()).map(Order::paymentMethod).orElse("");
        List<Map<String, Object>> items = invoice.lines().stream().map(l -> Replies.of(
                "type", l.serviceId() > 0 ? "Hosting" : "Item", "relid", l.serviceId(),
                "description", l.description(), "amount", Formats.amount(l.amount()), "taxed", 0)).toList();
        return Replies.of("invoiceid", invoice.id(), "invoicenum", "", "userid", invoice.clientId(),
                "orderid", invoice.orderId(), "date", Formats.date(invoice.created()),
                "duedate", Formats.date(invoice.created()), "datepaid", Formats.dateTime(invoice.datePaid()),
                "subtotal", Formats.amount(invoice.total()), "credit", "0.00", "tax", "0.00",
                "total", Formats.amount(invoice.total()), "amountpaid", Formats.amount(invoice.paid()),
                "balance", Formats.amount(balance(invoice)), "status", invoice.status().label(),
                "paymentmethod", paymentMethod, "items", Replies.wrapped("item", items));
    }

    /** Without {@code amount} the payment settles the balance, as in WHMCS. */
    private Map<String, Object> addPayment(ApiRequest r) {
        String transactionId = r.string("transid");
        String gateway = r.string("gateway");
        Invoice invoice = invoice(r);
        BigDecimal amount = r.optAmount("amount").orElseGet(() -> balance(invoice));
        if (amount.signum() <= 0) {
            throw ApiError.badRequest("The payment amount must be greater than zero (invoice balance "
                    + Formats.amount(balance(invoice)) + ")");
        }
        Invoice paid = invoices.addPayment(invoice.id(), amount, transactionId, gateway);
        return Replies.of("invoiceid", paid.id(), "status", paid.status().label(),
                "balance", Formats.amount(balance(paid)));
    }

    private static BigDecimal balance(Invoice invoice) {
        return invoice.total().subtract(invoice.paid()).max(BigDecimal.ZERO);
    }
}
