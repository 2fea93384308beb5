package org.billinghost.httpapi.internal.actions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.billing.Transaction;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** GetInvoice, GetInvoices, CreateInvoice, UpdateInvoice, AddInvoicePayment, AddTransaction, GetTransactions. */
public final class InvoiceActions {

    private static final Pattern ITEM_PARAMETER = Pattern.compile("item(description|amount|taxed)([0-9]+)");
    private static final int MAX_ITEMS = 100;
    /** WHMCS's date of a payment not yet made. */
    private static final String NEVER = "0000-00-00 00:00:00";
    /** As the payments' column holds. */
    private static final int MAX_TRANSACTION_ID = 128;

    private final Invoices invoices;
    private final Orders orders;
    private final Clients clients;
    private final Emails emails;

    public InvoiceActions(Invoices invoices, Orders orders, Clients clients, Emails emails) {
        this.emails = emails;
        this.invoices = invoices;
        this.orders = orders;
        this.clients = clients;
    }

    public void register(ActionTable table) {
        table.add("GetInvoice", Permissions.INVOICES, (r, admin) -> getInvoice(r))
                .add("GetInvoices", Permissions.INVOICES, (r, admin) -> getInvoices(r))
                .add("AddInvoicePayment", Permissions.INVOICES, (r, admin) -> addPayment(r))
                .add("CreateInvoice", Permissions.INVOICES, (r, admin) -> createInvoice(r))
                .add("UpdateInvoice", Permissions.INVOICES, (r, admin) -> updateInvoice(r))
                .add("AddTransaction", Permissions.INVOICES, (r, admin) -> addTransaction(r))
                .add("GetTransactions", Permissions.INVOICES, (r, admin) -> getTransactions(r));
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
        // an invoice's payments are a few; should one have more than a page, GetTransactions pages them all
        List<Map<String, Object>> transactions = invoices.transactions(invoice.id(), 0, null, 0, Paging.MAX_LIMIT)
                .items().stream().map(InvoiceActions::transaction).toList();
        Map<String, Object> reply = summary(invoice, "invoiceid");
        reply.put("balance", Formats.amount(invoice.balance()));
        reply.put("paymentmethod", paymentMethod);
        reply.put("items", Replies.wrapped("item", items));
        reply.put("transactions", Replies.wrapped("transaction", transactions));
        return reply;
    }

    /**
     * WHMCS's item types: Hosting for a service's period, Setup for its setup fee, Upgrade for a change, none for an
     * admin's own line.
     */
    private static String lineType(Invoice.LineType type) {
        return switch (type) {
            case ORDER, RENEWAL -> "Hosting";
            case SETUP -> "Setup";
            case UPGRADE -> "Upgrade";
            case ITEM -> "";
        };
    }

    /**
     * What GetInvoice ({@code invoiceid}) and GetInvoices ({@code id}) both answer of an invoice. As in WHMCS the
     * credit applied lowers {@code total}, and {@code amountpaid} counts the payments only.
     */
    private static Map<String, Object> summary(Invoice invoice, String idName) {
        return Replies.of(idName, invoice.id(), "invoicenum", invoice.number(), "userid", invoice.clientId(),
                "orderid", invoice.orderId(), "date", Formats.date(invoice.created()),
                "duedate", invoice.dueDate() == null ? Formats.date(invoice.created()) : Formats.day(invoice.dueDate()),
                "datepaid", invoice.datePaid() == null ? NEVER : Formats.dateTime(invoice.datePaid()),
                "subtotal", Formats.amount(invoice.total()), "credit", Formats.amount(invoice.credit()), "tax", "0.00",
                "total", Formats.amount(invoice.total().subtract(invoice.credit())),
                "amountpaid", Formats.amount(invoice.paid().subtract(invoice.credit())),
                "status", invoice.status().label());
    }

    /** A payment as WHMCS's GetTransactions and GetInvoice answer it; this host has one currency, no fees or refunds. */
    static Map<String, Object> transaction(Transaction t) {
        return Replies.of("id", t.id(), "userid", t.clientId(), "currency", 0, "gateway", t.gateway(),
                "date", Formats.dateTime(t.date()), "description", "Invoice Payment",
                "amountin", Formats.amount(t.amount()), "fees", "0.00", "amountout", "0.00", "rate", "1.00000",
                "transid", t.transactionId(), "invoiceid", t.invoiceId(), "refundid", 0);
    }

    /** Filters {@code userid} and {@code status} (Unpaid, Paid, Cancelled), paged by limitstart/limitnum. */
    private Map<String, Object> getInvoices(ApiRequest r) {
        r.refuseUnsupported("orderby", "order");
        Paging paging = Paging.of(r);
        InvoiceStatus status = r.optString("status").map(InvoiceActions::status).orElse(null);
        ResultPage<Invoice> page = invoices.list(status, r.optId("userid").orElse(0), paging.offset(), paging.limit());
        return Replies.page(page, "invoices", "invoice", page.items().stream().map(i -> summary(i, "id")).toList());
    }

    /**
     * WHMCS's numbered items ({@code itemdescription1}, {@code itemamount1}, {@code itemtaxed1}, …); untaxed, as
     * this host charges no tax. With {@code autoapplycredit} the client's credit pays what it can at once.
     */
    private Map<String, Object> createInvoice(ApiRequest r) {
        r.refuseUnsupported("paymentmethod", "taxrate", "taxrate2", "date", "notes");
        r.refuseSwitchOtherThan("draft", false, "an invoice is issued when created");
        r.refuseSwitchOtherThan("sendinvoice", false, "it sends no emails");
        String status = r.string("status", "Unpaid");
        if (!status.equalsIgnoreCase("Unpaid")) {
            throw ApiError.invalid("Parameter status must be Unpaid, got '" + ApiRequest.shorten(status)
                    + "': an invoice is paid by its payments");
        }
        long clientId = r.id("userid");
        List<Invoices.Item> items = items(r);
        LocalDate due = r.optDate("duedate").orElse(null);
        boolean applyCredit = r.bool("autoapplycredit", false);
        Invoice invoice = invoices.create(clientId, due, items);
        if (applyCredit && invoice.status() == InvoiceStatus.UNPAID) {
            BigDecimal credit = clients.get(clientId).map(c -> c.credit().min(invoice.balance())).orElse(BigDecimal.ZERO);
            if (credit.signum() > 0) {
                invoices.applyCredit(invoice.id(), credit);
            }
        }
        Invoice created = invoices.get(invoice.id()).orElseThrow();
        return Replies.of("invoiceid", created.id(), "status", created.status().label());
    }

    /** The numbered items, in their numbers' order; each needs a description and an amount. */
    private static List<Invoices.Item> items(ApiRequest r) {
        TreeMap<Integer, String> numbers = new TreeMap<>();
        for (String name : r.names()) {
            Matcher m = ITEM_PARAMETER.matcher(name);
            if (m.matches()) {
                if (m.group(2).length() > 3) {
                    throw ApiError.invalid("Parameter " + ApiRequest.shorten(name) + ": item numbers have at most 3 digits");
                }
                numbers.put(Integer.parseInt(m.group(2)), m.group(2));
            }
        }
        if (numbers.isEmpty() || numbers.size() > MAX_ITEMS) {
            throw ApiError.invalid("An invoice needs 1 to " + MAX_ITEMS
                    + " items: itemdescription1 and itemamount1, itemdescription2 and itemamount2, …");
        }
        List<Invoices.Item> items = new ArrayList<>();
        for (String n : numbers.values()) {
            r.refuseSwitchOtherThan("itemtaxed" + n, false, "it charges no tax");
            items.add(new Invoices.Item(r.string("itemdescription" + n), r.optAmount("itemamount" + n)
                    .orElseThrow(() -> ApiError.invalid("Missing required parameter: itemamount" + n))));
        }
        return items;
    }

    /**
     * Status (Unpaid, Cancelled), due date and new items ({@code newitemdescription[]}, {@code newitemamount[]},
     * untaxed); WHMCS's edits of existing lines, tax, dates, notes and credit are refused by name.
     */
    private Map<String, Object> updateInvoice(ApiRequest r) {
        r.refuseUnsupported("paymentmethod", "taxrate", "taxrate2", "credit", "date", "datepaid", "notes",
                "itemdescription", "itemamount", "itemtaxed", "deletelineids", "publish", "publishandsendemail");
        long invoiceId = r.id("invoiceid");
        InvoiceStatus status = r.optString("status").map(InvoiceActions::status).orElse(null);
        if (r.entries("newitemdescription") > MAX_ITEMS || r.entries("newitemamount") > MAX_ITEMS) {
            throw ApiError.invalid("At most " + MAX_ITEMS + " new items are added at once");
        }
        List<Object> descriptions = r.list("newitemdescription");
        List<Object> amounts = r.list("newitemamount");
        List<Object> taxed = r.list("newitemtaxed");
        if (descriptions.size() != amounts.size() || taxed.size() > amounts.size()) {
            throw ApiError.invalid("newitemdescription and newitemamount need one entry each per new item, got "
                    + descriptions.size() + " and " + amounts.size());
        }
        List<Invoices.Item> items = new ArrayList<>();
        for (int i = 0; i < descriptions.size(); i++) {
            if (i < taxed.size() && !"0".equals(String.valueOf(taxed.get(i)).trim())
                    && !"false".equalsIgnoreCase(String.valueOf(taxed.get(i)).trim())) {
                throw ApiError.invalid("Parameter newitemtaxed[" + i + "] must be 0: this host charges no tax");
            }
            items.add(new Invoices.Item(String.valueOf(descriptions.get(i)),
                    ApiRequest.amount(String.valueOf(amounts.get(i)), "newitemamount[" + i + "]")));
        }
        if (invoices.get(invoiceId).isEmpty()) {
            throw ApiError.notFound("Invoice ID Not Found: " + invoiceId);
        }
        invoices.update(invoiceId, status, r.optDate("duedate").orElse(null), items);
        return Replies.of("invoiceid", invoiceId);
    }

    private static InvoiceStatus status(String text) {
        return Arrays.stream(InvoiceStatus.values()).filter(s -> s.label().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> ApiError.invalid("Parameter status must be Unpaid, Paid or Cancelled, got '"
                        + ApiRequest.shorten(text) + "'"));
    }

    /** Without {@code amount} the payment settles the balance, as in WHMCS. */
    private Map<String, Object> addPayment(ApiRequest r) {
        r.refuseUnsupported("date", "fees");
        String transactionId = r.string("transid");
        String gateway = r.string("gateway");
        Invoice invoice = invoice(r);
        BigDecimal amount = r.optAmount("amount").orElseGet(invoice::balance);
        Invoice paid = emails.withoutMessages(r.bool("noemail", false) ? Set.of("invoice_payment_confirmation")
                : Set.of(), () -> pay(invoice, amount, transactionId, gateway));
        return Replies.of("invoiceid", paid.id(), "status", paid.status().label(),
                "balance", Formats.amount(paid.balance()));
    }

    private Invoice pay(Invoice invoice, BigDecimal amount, String transactionId, String gateway) {
        if (amount.signum() <= 0) {
            throw ApiError.invalid("The payment amount must be greater than zero (invoice balance "
                    + Formats.amount(invoice.balance()) + ")");
        }
        return invoices.addPayment(invoice.id(), amount, transactionId, gateway);
    }

    /**
     * A payment of an invoice: AddInvoicePayment under WHMCS's other names ({@code paymentmethod},
     * {@code amountin}). A transaction without invoice (a payment to credit, a refund, an expense) is not offered.
     */
    private Map<String, Object> addTransaction(ApiRequest r) {
        r.refuseUnsupported("date", "currencyid", "description", "fees", "amountout", "rate");
        r.refuseSwitchOtherThan("credit", false, "a transaction pays an invoice; AddCredit adds credit");
        r.refuseSwitchOtherThan("allowduplicatetransid", false, "a transaction id is counted once");
        if (!r.has("invoiceid")) {
            throw ApiError.invalid("Parameter invoiceid is required by this host: a transaction pays an invoice");
        }
        String gateway = r.string("paymentmethod");
        String transactionId = r.string("transid");
        Invoice invoice = invoice(r);
        long userId = r.optId("userid").orElse(invoice.clientId());
        if (userId != invoice.clientId()) {
            throw ApiError.invalid("Invoice " + invoice.id() + " belongs to client " + invoice.clientId() + ", not "
                    + userId);
        }
        pay(invoice, r.optAmount("amountin").orElseThrow(() -> ApiError.invalid(
                "Missing required parameter: amountin")), transactionId, gateway);
        return Map.of();
    }

    /** Filters {@code invoiceid}, {@code clientid} and {@code transid}, oldest first, paged. */
    private Map<String, Object> getTransactions(ApiRequest r) {
        Paging paging = Paging.of(r);
        String transactionId = r.optString("transid").orElse(null);
        if (transactionId != null && transactionId.length() > MAX_TRANSACTION_ID) {
            throw ApiError.invalid("Parameter transid must be at most " + MAX_TRANSACTION_ID + " characters");
        }
        ResultPage<Transaction> page = invoices.transactions(r.optId("invoiceid").orElse(0),
                r.optId("clientid").orElse(0), transactionId, paging.offset(), paging.limit());
        return Replies.page(page, "transactions", "transaction",
                page.items().stream().map(InvoiceActions::transaction).toList());
    }
}
