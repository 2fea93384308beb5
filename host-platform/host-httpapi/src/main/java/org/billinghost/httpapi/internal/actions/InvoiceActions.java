package org.billinghost.httpapi.internal.actions;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** GetInvoice, GetInvoices, AddInvoicePayment. */
public final class InvoiceActions {

    private final Invoices invoices;
    private final Orders orders;

    public InvoiceActions(Invoices invoices, Orders orders) {
        this.invoices = invoices;
        this.orders = orders;
    }

    public void register(ActionTable table) {
        table.add("GetInvoice", Permissions.INVOICES, (r, admin) -> getInvoice(r))
                .add("GetInvoices", Permissions.INVOICES, (r, admin) -> getInvoices(r))
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
                "type", lineType(l.type()), "relid", l.serviceId(),
                "description", l.description(), "amount", Formats.amount(l.amount()), "taxed", 0)).toList();
        Map<String, Object> reply = summary(invoice, "invoiceid");
        reply.put("balance", Formats.amount(balance(invoice)));
        reply.put("paymentmethod", paymentMethod);
        reply.put("items", Replies.wrapped("item", items));
        return reply;
    }

    /** WHMCS's item types: Hosting for a service's period, Setup for its setup fee, Upgrade for a change. */
    private static String lineType(Invoice.LineType type) {
        return switch (type) {
            case ORDER, RENEWAL -> "Hosting";
            case SETUP -> "Setup";
            case UPGRADE -> "Upgrade";
        };
    }

    /** What GetInvoice ({@code invoiceid}) and GetInvoices ({@code id}) both answer of an invoice. */
    private static Map<String, Object> summary(Invoice invoice, String idName) {
        return Replies.of(idName, invoice.id(), "invoicenum", "", "userid", invoice.clientId(),
                "orderid", invoice.orderId(), "date", Formats.date(invoice.created()),
                "duedate", invoice.dueDate() == null ? Formats.date(invoice.created()) : Formats.day(invoice.dueDate()),
                "datepaid", Formats.dateTime(invoice.datePaid()), "subtotal", Formats.amount(invoice.total()),
                "credit", "0.00", "tax", "0.00", "total", Formats.amount(invoice.total()),
                "amountpaid", Formats.amount(invoice.paid()), "status", invoice.status().label());
    }

    /** Filters {@code userid} and {@code status} (Unpaid, Paid, Cancelled), paged by limitstart/limitnum. */
    private Map<String, Object> getInvoices(ApiRequest r) {
        r.refuseUnsupported("orderby", "order");
        Paging paging = Paging.of(r);
        InvoiceStatus status = r.optString("status").map(text -> Arrays.stream(InvoiceStatus.values())
                .filter(s -> s.label().equalsIgnoreCase(text)).findFirst().orElseThrow(() -> ApiError.invalid(
                        "Parameter status must be Unpaid, Paid or Cancelled, got '" + ApiRequest.shorten(text) + "'")))
                .orElse(null);
        ResultPage<Invoice> page = invoices.list(status, r.optId("userid").orElse(0), paging.offset(), paging.limit());
        return Replies.page(page, "invoices", "invoice", page.items().stream().map(i -> summary(i, "id")).toList());
    }

    /** Without {@code amount} the payment settles the balance, as in WHMCS. */
    private Map<String, Object> addPayment(ApiRequest r) {
        r.refuseUnsupported("date", "fees");
        r.refuseSwitchOtherThan("noemail", false, "it always sends the payment confirmation");
        String transactionId = r.string("transid");
        String gateway = r.string("gateway");
        Invoice invoice = invoice(r);
        BigDecimal amount = r.optAmount("amount").orElseGet(() -> balance(invoice));
        if (amount.signum() <= 0) {
            throw ApiError.invalid("The payment amount must be greater than zero (invoice balance "
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
