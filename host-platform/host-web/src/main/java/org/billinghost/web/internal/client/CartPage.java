package org.billinghost.web.internal.client;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductBundle;
import org.billinghost.api.platform.ProductType;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Tokens;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /cart?pid=N} or {@code /cart?bundle=N}: the order form with the billing cycle of each product
 * and the custom fields marked "show on order form", then a review step, whose "Place order" places the
 * order through {@code Orders.place}, the same service the HTTP API uses; a refusal shows its message
 * beside the form with everything typed kept (passwords excepted: they are typed on the review step).
 * The form carries an idempotency key made when it is shown: submitting it twice places one order.
 */
final class CartPage implements Page {
    /** The hidden field naming this checkout, so a double submit or a retry places one order. */
    static final String IDEMPOTENCY_KEY = "idempotencykey";
    /** Longest idempotency key (as {@code OrderRequest} says). */
    private static final int MAX_KEY = 64;
    /** Longest value of one order-form field, checked before the order is validated. */
    static final int MAX_VALUE = 10_000;
    /** Longest domain name (DNS). */
    static final int MAX_DOMAIN = 253;
    private final HostServices host;
    private final boolean demo;

    CartPage(HostServices host, boolean demo) {
        this.host = host;
        this.demo = demo;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        List<Product> products = products(ex);
        Map<String, String> values = new HashMap<>();
        if (!ex.isPost()) {
            render(ex, 200, products, values, Tokens.random(), null, null);
            return;
        }
        String key = ex.param(IDEMPOTENCY_KEY);
        if (key.length() > MAX_KEY) {
            throw PageException.badRequest("This order form is damaged. Reload the page and try again.");
        }
        List<OrderLine> lines = new ArrayList<>();
        // a value over its bound is refused before the order is validated (a regular expression on 40 KB is costly)
        String refusal = null;
        String refusedField = null;
        for (Product p : products) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (CustomField f : orderFields(p)) {
                String name = fieldName(p, f);
                String v = ex.param(name);
                values.put(name, v);
                if (refusal == null && v.length() > MAX_VALUE) {
                    refusal = tooLong(f.name(), MAX_VALUE);
                    refusedField = name;
                }
                fields.put(Long.toString(f.id()), f.type() == CustomFieldType.TICKBOX && !v.isEmpty() ? "on" : v);
            }
            String domainField = "domain_" + p.id();
            String domain = ex.param(domainField).trim();
            values.put(domainField, domain);
            if (refusal == null && domain.length() > MAX_DOMAIN) {
                refusal = tooLong("Domain", MAX_DOMAIN);
                refusedField = domainField;
            }
            String cycleField = cycleField(p);
            String asked = ex.param(cycleField);
            Optional<BillingCycle> cycle = asked.isEmpty() ? Optional.of(p.cycles().get(0))
                    : BillingCycle.of(asked).filter(p.cycles()::contains);
            values.put(cycleField, cycle.map(BillingCycle::code).orElse(""));
            if (refusal == null && cycle.isEmpty()) {
                refusal = p.name() + " is not sold on that billing cycle: choose one of "
                        + p.cycles().stream().map(BillingCycle::label).collect(Collectors.joining(", ")) + ".";
                refusedField = cycleField;
            }
            lines.add(new OrderLine(p.id(), domain, fields, 1, cycle.orElse(null)));
        }
        if (refusal != null) {
            render(ex, 400, products, values, key, refusal, refusedField);
            return;
        }
        switch (ex.param("do")) {
            case "place" -> place(ex, products, values, key, lines);
            case "edit" -> render(ex, 200, products, values, key, null, null);
            default -> review(ex, products, values, key, lines);
        }
    }

    private void place(Exchange ex, List<Product> products, Map<String, String> values, String key,
                       List<OrderLine> lines) throws IOException {
        try {
            Order order = host.orders().place(new OrderRequest(ex.client().id(), lines, demo ? "demo" : "", false, key));
            ex.flash(Notice.ok("Thank you: order #" + order.id() + " is placed."));
            ex.redirect(order.invoiceId() > 0 ? "/clientarea/invoices?id=" + order.invoiceId() : "/clientarea/services");
        } catch (BillingException e) {
            render(ex, e.category().httpStatus(), products, values, key, e.getMessage(), fieldInError(products, e));
        }
    }

    /**
     * The review step: per line the cycle, what is due today (the first period and the setup fee), the recurring
     * amount and the next due date (one cycle after today by the billing clock, as the order will record), with
     * everything typed carried in hidden fields except passwords, which are typed here so that no page echoes them.
     */
    private void review(Exchange ex, List<Product> products, Map<String, String> values, String key,
                        List<OrderLine> lines) throws IOException {
        LocalDate today = host.orders().today();
        List<Map<String, Object>> reviewed = new ArrayList<>();
        BigDecimal dueToday = BigDecimal.ZERO;
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            BillingCycle cycle = lines.get(i).billingCycle();
            CyclePrice price = p.priceOn(cycle).orElseThrow();
            dueToday = dueToday.add(price.firstPayment());
            reviewed.add(Exchange.model("product", p, "price", price, "fields", orderFields(p),
                    "nextDue", cycle.recurring() ? cycle.next(today, today.getDayOfMonth()) : null));
        }
        ex.render("client/cartreview.ftlh", Exchange.model("lines", reviewed, "values", values, "dueToday", dueToday,
                "currency", host.catalog().currency(), "pid", ex.param("pid"), "bundle", ex.param("bundle"),
                "idempotencyKey", key));
    }

    private void render(Exchange ex, int status, List<Product> products, Map<String, String> values,
                        String idempotencyKey, String error, String errorField) throws IOException {
        List<Map<String, Object>> lines = products.stream().map(p -> Exchange.model("product", p,
                "fields", orderFields(p), "askDomain", p.type() != ProductType.OTHER)).toList();
        ex.render(status, "client/cart.ftlh", Exchange.model("lines", lines, "values", values, "error", error,
                "errorField", errorField, "pid", ex.param("pid"), "bundle", ex.param("bundle"),
                "idempotencyKey", idempotencyKey, "currency", host.catalog().currency()));
    }

    /** The select of a line's billing cycle. */
    static String cycleField(Product p) {
        return "billingcycle_" + p.id();
    }

    private List<Product> products(Exchange ex) {
        long bundleId = ex.number("bundle");
        if (bundleId != 0) {
            ProductBundle bundle = host.catalog().bundles().stream().filter(b -> b.id() == bundleId).findFirst()
                    .orElseThrow(() -> PageException.notFound("There is no bundle #" + bundleId + "."));
            return bundle.productIds().stream().map(this::product).toList();
        }
        return List.of(product(ex.number("pid")));
    }

    private Product product(long id) {
        return host.catalog().product(id)
                .orElseThrow(() -> PageException.notFound("There is no product #" + id + " in the store."));
    }

    static List<CustomField> orderFields(Product p) {
        return p.customFields().stream().filter(f -> f.showOnOrderForm() && !f.adminOnly()).toList();
    }

    static String fieldName(Product p, CustomField f) {
        return "cf_" + p.id() + "_" + f.id();
    }

    private static String tooLong(String label, int max) {
        return label + " is too long: at most " + max + " characters.";
    }

    /** The form field of the custom field a refusal names, so the page can mark it; null when it names none. */
    private static String fieldInError(List<Product> products, BillingException refusal) {
        String input = refusal.field().orElse("");
        for (Product p : products) {
            for (CustomField f : orderFields(p)) {
                if (input.equals(f.inputName())) {
                    return fieldName(p, f);
                }
            }
        }
        return null;
    }
}
