package org.billinghost.httpapi.internal.actions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** GetProducts, AddProduct. */
public final class CatalogActions {

    /** WHMCS's product switches for features this host does not have: accepted when off. */
    private static final String[] ADD_PRODUCT_SWITCHES_OFF = {"stockcontrol", "tax", "isfeatured", "proratabilling",
        "showdomainoptions", "retired"};

    private final Catalog catalog;

    public CatalogActions(Catalog catalog) {
        this.catalog = catalog;
    }

    public void register(ActionTable table) {
        table.add("GetProducts", null, (r, admin) -> getProducts(r))
                .add("AddProduct", Permissions.CONFIG_PRODUCTS, (r, admin) -> addProduct(r));
    }

    private Map<String, Object> getProducts(ApiRequest r) {
        List<Product> products = productsMatching(r);
        List<Map<String, Object>> items = products.stream().map(this::product).toList();
        return Replies.of("totalresults", items.size(), "products", Replies.wrapped("product", items));
    }

    /** WHMCS's {@code pid} may list several ids separated by commas. */
    private List<Product> productsMatching(ApiRequest r) {
        Predicate<Product> filter = p -> true;
        if (r.has("gid")) {
            long gid = r.id("gid");
            filter = filter.and(p -> p.groupId() == gid);
        }
        if (r.has("module")) {
            String module = r.string("module").toLowerCase(Locale.ROOT);
            filter = filter.and(p -> p.module().equals(module));
        }
        if (!r.has("pid")) {
            return catalog.products().stream().filter(filter).toList();
        }
        List<Product> found = new ArrayList<>();
        for (String part : r.string("pid").split(",")) {
            long pid = parsePid(part.trim());
            catalog.product(pid).filter(filter).ifPresent(found::add);
        }
        return found;
    }

    private static long parsePid(String text) {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalid("Parameter pid must be a product id or a comma-separated list of them, got '"
                + ApiRequest.shorten(text) + "'");
    }

    private Map<String, Object> product(Product p) {
        // as in WHMCS, admin-only fields are not listed: GetProducts needs no permission, and an order may leave them
        List<Map<String, Object>> fields = p.customFields().stream().filter(f -> !f.adminOnly())
                .map(CatalogActions::customField).toList();
        return Replies.of("pid", p.id(), "gid", p.groupId(), "type", p.type().code(), "name", p.name(),
                "description", p.description(), "module", p.module(), "paytype", p.payType().code(),
                "price", Formats.amount(p.price()), "pricing", WhmcsPricing.reply(p, catalog.currency()),
                "hidden", p.hidden(), "autosetup", p.autoSetup().code(),
                "customfields", Replies.wrapped("customfield", fields));
    }

    private static Map<String, Object> customField(CustomField f) {
        return Replies.of("id", f.id(), "name", f.name(), "description", f.description(),
                "fieldtype", f.type().code(), "options", String.join(",", f.options()),
                "regexpr", f.validationRegex(), "required", f.required(), "adminonly", f.adminOnly(),
                "showorder", f.showOnOrderForm(), "showinvoice", f.showOnInvoice());
    }

    private Map<String, Object> addProduct(ApiRequest r) {
        r.refuseUnsupported("qty", "shortdescription", "tagline", "color", "proratadate",
                "proratachargenextmonth", "subdomain", "servergroupid", "order", "recommendations", "slug");
        for (String feature : ADD_PRODUCT_SWITCHES_OFF) {
            r.refuseSwitchOtherThan(feature, false, "it has no " + feature + " setting");
        }
        String module = r.string("module", "").toLowerCase(Locale.ROOT);
        if (!module.isEmpty() && !ModuleProperties.isValidName(module)) {
            throw ApiError.invalid("Parameter module must be a module name (lower-case letters, digits and underscores), got '"
                    + ApiRequest.shorten(module) + "'");
        }
        PayType payType = payType(r);
        Product product = catalog.addProduct(new NewProduct(r.id("gid"), r.string("name"),
                r.string("description", ""), productType(r), r.bool("hidden", false), payType,
                r.optAmount("price").orElse(null), module, configOptions(r), autoSetup(r), List.of(),
                WhmcsPricing.parse(r, payType, catalog.currency()).orElse(null), welcomeEmail(r)));
        return Replies.of("pid", product.id());
    }

    /** WHMCS's welcomeemail: 0 none, or a product welcome template's id; absent, the default welcome template. */
    private static Long welcomeEmail(ApiRequest r) {
        Optional<String> value = r.optString("welcomeemail");
        if (value.isEmpty()) {
            return null;
        }
        if (!value.get().matches("[0-9]{1,18}")) {
            throw ApiError.invalid("Parameter welcomeemail must be 0 (none) or the id of a product welcome template,"
                    + " got '" + ApiRequest.shorten(value.get()) + "'");
        }
        return Long.parseLong(value.get());
    }

    private static ProductType productType(ApiRequest r) {
        String type = r.string("type", "other");
        for (ProductType t : ProductType.values()) {
            if (t.code().equalsIgnoreCase(type)) {
                return t;
            }
        }
        throw ApiError.invalid("Parameter type must be hostingaccount, reselleraccount, server or other, got '"
                + ApiRequest.shorten(type) + "'");
    }

    private static PayType payType(ApiRequest r) {
        String payType = r.string("paytype", "free");
        for (PayType t : PayType.values()) {
            if (t.code().equalsIgnoreCase(payType)) {
                return t;
            }
        }
        throw ApiError.invalid("Parameter paytype must be free, onetime or recurring, got '"
                + ApiRequest.shorten(payType) + "'");
    }

    private static AutoSetup autoSetup(ApiRequest r) {
        String code = r.string("autosetup", "");
        return AutoSetup.fromCode(code).orElseThrow(() -> ApiError.invalid(
                "Parameter autosetup must be order, payment, on or empty, got '" + ApiRequest.shorten(code) + "'"));
    }

    private static List<String> configOptions(ApiRequest r) {
        List<String> options = new ArrayList<>();
        for (int n = 1; n <= ModuleProperties.MAX_CONFIG_OPTIONS; n++) {
            options.add(r.string("configoption" + n, ""));
        }
        int last = options.size();
        while (last > 0 && options.get(last - 1).isEmpty()) {
            last--;
        }
        return List.copyOf(options.subList(0, last));
    }
}
