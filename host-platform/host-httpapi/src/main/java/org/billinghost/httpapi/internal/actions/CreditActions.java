package org.billinghost.httpapi.internal.actions;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.CreditEntry;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** AddCredit, ApplyCredit, GetCredits: a client's credit balance and its entries. */
public final class CreditActions {

    private final Invoices invoices;
    private final Clients clients;

    public CreditActions(Invoices invoices, Clients clients) {
        this.invoices = invoices;
        this.clients = clients;
    }

    public void register(ActionTable table) {
        table.add("AddCredit", Permissions.INVOICES, (r, admin) -> addCredit(r))
                .add("ApplyCredit", Permissions.INVOICES, (r, admin) -> applyCredit(r))
                .add("GetCredits", Permissions.INVOICES, (r, admin) -> getCredits(r));
    }

    private long client(ApiRequest r) {
        long id = r.id("clientid");
        if (clients.get(id).isEmpty()) {
            throw ApiError.notFound("Client ID Not Found: " + id);
        }
        return id;
    }

    /** {@code type} add (the default) or remove; the entry is dated now and recorded as the API's admin's. */
    private Map<String, Object> addCredit(ApiRequest r) {
        r.refuseUnsupported("date", "adminid");
        String type = r.string("type", "add").toLowerCase(Locale.ROOT);
        if (!type.equals("add") && !type.equals("remove")) {
            throw ApiError.invalid("Parameter type must be add or remove, got '" + ApiRequest.shorten(type) + "'");
        }
        String description = r.string("description");
        BigDecimal amount = r.optAmount("amount").orElseThrow(() -> ApiError.invalid("Missing required parameter: amount"));
        if (amount.signum() == 0) {
            throw ApiError.invalid("Parameter amount must be greater than zero");
        }
        BigDecimal balance = invoices.changeCredit(client(r), type.equals("add") ? amount : amount.negate(), description);
        return Replies.of("newbalance", Formats.amount(balance));
    }

    /**
     * Without {@code amount}, as much as the credit and the invoice's balance allow, as read now: should either
     * shrink before the credit is applied, the core refuses the amount instead of applying less than answered.
     */
    private Map<String, Object> applyCredit(ApiRequest r) {
        r.refuseSwitchOtherThan("noemail", true, "it sends no emails");
        long invoiceId = r.id("invoiceid");
        Invoice invoice = invoices.get(invoiceId)
                .orElseThrow(() -> ApiError.notFound("Invoice ID Not Found: " + invoiceId));
        BigDecimal amount = r.optAmount("amount").orElseGet(() -> clients.get(invoice.clientId())
                .map(c -> c.credit().min(invoice.balance())).orElse(BigDecimal.ZERO));
        if (amount.signum() == 0) {
            throw ApiError.invalid("Nothing to apply: the amount is 0 (client credit "
                    + Formats.amount(clients.get(invoice.clientId()).map(Client::credit).orElse(BigDecimal.ZERO))
                    + ", invoice balance " + Formats.amount(invoice.balance()) + ")");
        }
        Invoice after = invoices.applyCredit(invoiceId, amount);
        return Replies.of("invoiceid", invoiceId, "amount", Formats.amount(amount),
                "invoicepaid", String.valueOf(after.status() == InvoiceStatus.PAID));
    }

    private Map<String, Object> getCredits(ApiRequest r) {
        Paging paging = Paging.of(r);
        long clientId = client(r);
        ResultPage<CreditEntry> page = invoices.credits(clientId, paging.offset(), paging.limit());
        Map<String, Object> reply = Replies.page(page, "credits", "credit", page.items().stream()
                .map(c -> Replies.of("id", c.id(), "date", Formats.dateTime(c.date()), "description", c.description(),
                        "amount", Formats.amount(c.amount()), "relid", c.invoiceId())).toList());
        reply.put("clientid", clientId);
        return reply;
    }
}
