package org.billinghost.httpapi.internal.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.CustomFieldValues;
import org.billinghost.httpapi.internal.Formats;

/** AddOrder, AcceptOrder, CancelOrder, PendingOrder, DeleteOrder, GetOrders. */
public final class OrderActions {

    /** The core's default bounds (settings of its order service), checked here before any work is done. */
    private static final int MAX_QUANTITY = Orders.DEFAULT_MAX_QUANTITY_PER_LINE;
    private static final int MAX_LINES = Orders.DEFAULT_MAX_LINES_PER_ORDER;
    /** As {@link OrderRequest#idempotencyKey()} allows. */
    private static final int MAX_IDEMPOTENCY_KEY = 64;
    /** WHMCS's AddOrder parameters for what this host does not offer (promotions, addons, domains, config options). */
    private static final String[] ADD_ORDER_UNSUPPORTED = {"promocode", "promooverride", "priceoverride",
        "configoptions", "addons", "addonid", "addonids", "serviceid", "serviceids", "servicerenewals", "addonrenewals",
        "domaintype", "regperiod", "eppcode", "idnlanguage", "nameserver1", "nameserver2", "nameserver3", "nameserver4",
        "nameserver5", "dnsmanagement", "domainfields", "emailforwarding", "idprotection", "domainpriceoverride",
        "domainrenewoverride", "domainrenewals", "hostname", "ns1prefix", "ns2prefix", "rootpw", "contactid", "affid",
        "clientip"};

    private final Orders orders;
    private final Clients clients;
    private final Services services;
    private final Emails emails;
    private final ObjectMapper json;

    public OrderActions(Orders orders, Clients clients, Services services, Emails emails, ObjectMapper json) {
        this.emails = emails;
        this.orders = orders;
        this.clients = clients;
        this.services = services;
        this.json = json;
    }

    public void register(ActionTable table) {
        table.add("AddOrder", Permissions.ORDERS, (r, admin) -> addOrder(r))
                .add("AcceptOrder", Permissions.ORDERS, (r, admin) -> {
                    r.refuseUnsupported("serverid", "serviceusername", "servicepassword", "registrar");
                    r.refuseSwitchOtherThan("sendregistrar", false, "it registers no domains");
                    r.refuseSwitchOtherThan("sendemail", true, "it sends the welcome e-mail once a service is provisioned");
                    orders.accept(r.id("orderid"), r.bool("autosetup", true));
                    return Map.of();
                })
                .add("CancelOrder", Permissions.ORDERS, (r, admin) -> {
                    r.refuseSwitchOtherThan("cancelsub", false, "it holds no gateway subscriptions");
                    r.refuseSwitchOtherThan("noemail", true, "it sends no e-mail when an order is cancelled");
                    orders.cancel(r.id("orderid"));
                    return Map.of();
                })
                .add("PendingOrder", Permissions.ORDERS, (r, admin) -> {
                    orders.pending(r.id("orderid"));
                    return Map.of();
                })
                .add("DeleteOrder", Permissions.ORDERS, (r, admin) -> {
                    orders.delete(r.id("orderid"));
                    return Map.of();
                })
                .add("GetOrders", Permissions.ORDERS, (r, admin) -> getOrders(r));
    }

    private Map<String, Object> addOrder(ApiRequest r) {
        r.refuseUnsupported(ADD_ORDER_UNSUPPORTED);
        r.refuseSwitchOtherThan("noinvoice", false, "every order with a price is invoiced");
        Set<String> withoutMessages = new HashSet<>();
        if (r.bool("noemail", false)) {
            withoutMessages.add("order_confirmation");
        }
        if (r.bool("noinvoiceemail", false)) {
            withoutMessages.add("invoice_created");
        }
        // domain, customfields and qty are refused below when longer than pid, before their entries are read
        int lines = r.entries("pid");
        if (lines > MAX_LINES) {
            throw ApiError.invalid("An order has at most " + MAX_LINES + " lines; pid has " + lines + " entries");
        }
        String idempotencyKey = r.string("idempotencykey", "");
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiError.invalid("Parameter idempotencykey must be at most " + MAX_IDEMPOTENCY_KEY
                    + " characters, got " + idempotencyKey.length());
        }
        long clientId = r.id("clientid");
        if (clients.get(clientId).isEmpty()) {
            throw ApiError.notFound("Client ID Not Found: " + clientId);
        }
        List<Long> pids = r.ids("pid");
        if (pids.isEmpty()) {
            throw ApiError.invalid("Missing required parameter: pid (one product id per order line)");
        }
        List<Object> domains = r.list("domain");
        if (domains.size() > pids.size()) {
            throw ApiError.invalid("domain has " + domains.size() + " entries but pid only " + pids.size()
                    + "; domain registrations without a product are not supported");
        }
        List<Map<String, String>> customFields = customFields(r, pids.size());
        List<Integer> quantities = quantities(r, pids.size());
        List<BillingCycle> cycles = cycles(r, pids.size());
        List<OrderLine> orderLines = new ArrayList<>();
        for (int i = 0; i < pids.size(); i++) {
            String domain = i < domains.size() && domains.get(i) != null ? domains.get(i).toString().trim() : "";
            orderLines.add(new OrderLine(pids.get(i), domain, customFields.get(i), quantities.get(i), cycles.get(i)));
        }
        // API callers are admins: they may set admin-only custom fields, as in WHMCS.
        OrderRequest request = new OrderRequest(clientId, orderLines, r.string("paymentmethod", ""), true,
                idempotencyKey);
        Order order = emails.withoutMessages(withoutMessages, () -> orders.place(request));
        return Replies.of("orderid", order.id(), "ordernum", String.valueOf(order.number()),
                "productids", pids.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "serviceids", order.serviceIds().stream().map(String::valueOf).collect(Collectors.joining(",")),
                "addonids", "", "domainids", "", "invoiceid", order.invoiceId());
    }

    /**
     * One entry per pid: {@code customfields[i]} (base64 of a PHP-serialised array, or a JSON
     * object). In a JSON body a single object is accepted for a one-product order.
     */
    private List<Map<String, String>> customFields(ApiRequest r, int lines) {
        List<Object> raw = r.isJson() && r.raw("customfields") instanceof Map<?, ?> single
                ? listOfOne(single, lines)
                : r.list("customfields");
        if (raw.size() > lines) {
            throw ApiError.invalid("customfields has " + raw.size() + " entries but pid only " + lines);
        }
        List<Map<String, String>> values = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            values.add(i < raw.size() ? CustomFieldValues.decode(raw.get(i), "customfields[" + i + "]", json) : Map.of());
        }
        return values;
    }

    private static List<Object> listOfOne(Object single, int lines) {
        if (lines != 1) {
            throw ApiError.invalid("customfields must be a list with one entry per pid when the order has "
                    + lines + " products");
        }
        return List.of(single);
    }

    /**
     * {@code billingcycle[i]} with WHMCS's names (monthly … triennially, onetime, free); a line without
     * one takes its product's first cycle. The core refuses a cycle the product is not sold on.
     */
    private static List<BillingCycle> cycles(ApiRequest r, int lines) {
        List<Object> raw = r.list("billingcycle");
        if (raw.size() > lines) {
            throw ApiError.invalid("billingcycle has " + raw.size() + " entries but pid only " + lines);
        }
        List<BillingCycle> cycles = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            String text = i < raw.size() && raw.get(i) != null ? raw.get(i).toString().trim() : "";
            int line = i;
            cycles.add(text.isEmpty() ? null : BillingCycle.of(text).orElseThrow(() -> ApiError.invalid(
                    "Parameter billingcycle[" + line + "] must be free, onetime, monthly, quarterly, semiannually,"
                            + " annually, biennially or triennially, got '" + ApiRequest.shorten(text) + "'")));
        }
        return cycles;
    }

    private static List<Integer> quantities(ApiRequest r, int lines) {
        List<Object> raw = r.list("qty");
        if (raw.size() > lines) {
            throw ApiError.invalid("qty has " + raw.size() + " entries but pid only " + lines);
        }
        List<Integer> quantities = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            quantities.add(i < raw.size() ? quantity(raw.get(i), i) : 1);
        }
        return quantities;
    }

    private static int quantity(Object raw, int index) {
        String text = raw == null ? "" : raw.toString().trim();
        try {
            int q = Integer.parseInt(text);
            if (q >= 1 && q <= MAX_QUANTITY) {
                return q;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalid("qty[" + index + "] must be a whole number from 1 to " + MAX_QUANTITY + ", got '"
                + ApiRequest.shorten(text) + "'");
    }

    private Map<String, Object> getOrders(ApiRequest r) {
        r.refuseUnsupported("requestor_id");
        Paging paging = Paging.of(r);
        OrderStatus status = r.optString("status").map(OrderStatus::fromLabel).orElse(null);
        long clientId = r.optId("userid").orElse(0);
        ResultPage<Order> page;
        if (r.has("id")) {
            // the other filters narrow it, as they do a list
            page = paging.ofOne(orders.get(r.id("id")).filter(o -> status == null || o.status() == status)
                    .filter(o -> clientId == 0 || o.clientId() == clientId));
        } else {
            page = orders.list(status, clientId, paging.offset(), paging.limit());
        }
        List<Map<String, Object>> items = page.items().stream().map(this::order).toList();
        return Replies.page(page, "orders", "order", items);
    }

    private Map<String, Object> order(Order o) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (long serviceId : o.serviceIds()) {
            services.get(serviceId).ifPresent(s -> lines.add(lineItem(s)));
        }
        return Replies.of("id", o.id(), "ordernum", String.valueOf(o.number()), "userid", o.clientId(),
                "date", Formats.dateTime(o.created()), "amount", Formats.amount(o.total()),
                "paymentmethod", o.paymentMethod(), "invoiceid", o.invoiceId(), "status", o.status().label(),
                "lineitems", Replies.wrapped("lineitem", lines));
    }

    private static Map<String, Object> lineItem(ServiceAccount s) {
        return Replies.of("type", "product", "relid", s.id(), "pid", s.productId(), "product", s.productName(),
                "domain", s.domain(), "amount", Formats.amount(s.amount()), "status", s.status().label());
    }
}
