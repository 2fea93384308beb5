package org.billinghost.web.internal.client;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductBundle;
import org.billinghost.api.platform.ProductType;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /cart?pid=N} or {@code /cart?bundle=N}: the order form with the custom fields marked
 * "show on order form"; checkout places the order through {@code Orders.place}, the same service
 * the HTTP API uses, and a refusal shows its message beside the form with everything typed kept.
 */
final class CartPage implements Page {
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
            render(ex, 200, products, values, null, null);
            return;
        }
        List<OrderLine> lines = new ArrayList<>();
        for (Product p : products) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (CustomField f : orderFields(p)) {
                String name = fieldName(p, f);
                String v = ex.param(name);
                values.put(name, v);
                fields.put(Long.toString(f.id()), f.type() == CustomFieldType.TICKBOX && !v.isEmpty() ? "on" : v);
            }
            String domain = ex.param("domain_" + p.id()).trim();
            values.put("domain_" + p.id(), domain);
            lines.add(new OrderLine(p.id(), domain, fields));
        }
        try {
            Order order = host.orders().place(new OrderRequest(ex.client().id(), lines, demo ? "demo" : "", false));
            ex.flash(Notice.ok("Thank you: order #" + order.id() + " is placed."));
            ex.redirect(order.invoiceId() > 0 ? "/clientarea/invoices?id=" + order.invoiceId() : "/clientarea/services");
        } catch (BillingException e) {
            render(ex, 400, products, values, e.getMessage(), fieldInError(products, e.getMessage()));
        }
    }

    private void render(Exchange ex, int status, List<Product> products, Map<String, String> values, String error,
                        String errorField) throws IOException {
        List<Map<String, Object>> lines = products.stream().map(p -> Exchange.model("product", p,
                "fields", orderFields(p), "askDomain", p.type() != ProductType.OTHER)).toList();
        ex.render(status, "client/cart.ftlh", Exchange.model("lines", lines, "values", values, "error", error,
                "errorField", errorField, "pid", ex.param("pid"), "bundle", ex.param("bundle")));
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

    /** The form field a refusal names, so the page can mark it; null when it names none. */
    private static String fieldInError(List<Product> products, String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        for (Product p : products) {
            for (CustomField f : orderFields(p)) {
                if (m.contains(f.name().toLowerCase(Locale.ROOT))) {
                    return fieldName(p, f);
                }
            }
        }
        return null;
    }
}
