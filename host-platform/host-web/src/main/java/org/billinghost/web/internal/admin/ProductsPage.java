package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.api.platform.ProductType;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * {@code /admin/configproducts}: product groups, products with their Module Settings and Custom
 * Fields, and bundles. Without JavaScript, choosing another server module re-shows the form with
 * that module's options and everything typed so far, and saves nothing.
 */
final class ProductsPage implements Page {
    static final String LINK = "/admin/configproducts";
    private static final String PRODUCT_TEMPLATE = "admin/product.ftlh";
    private final HostServices host;
    private final Catalog catalog;

    ProductsPage(HostServices host) {
        this.host = host;
        this.catalog = host.catalog();
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.isPost()) {
            post(ex);
            return;
        }
        switch (ex.param("action")) {
            case "group" -> ex.render("admin/productgroup.ftlh", Exchange.model("group", catalog.group(ex.number("id"))
                    .orElseThrow(() -> PageException.notFound("There is no product group #" + ex.number("id") + "."))));
            case "product" -> {
                long id = ex.number("id");
                if (id != 0) {
                    Product p = product(id);
                    renderProduct(ex, 200, form(p), null);
                } else {
                    ProductGroup g = catalog.group(ex.number("gid"))
                            .orElseThrow(() -> PageException.notFound("Choose an existing product group for the new product."));
                    renderProduct(ex, 200, Exchange.model("id", 0L, "groupId", g.id(), "name", "", "description", "",
                            "type", ProductType.OTHER.name(), "hidden", false, "payType", PayType.FREE.name(),
                            "price", "0.00", "module", "", "options", List.of(), "autoSetup", AutoSetup.MANUAL.code()), null);
                }
            }
            default -> list(ex);
        }
    }

    private void list(Exchange ex) throws IOException {
        List<Map<String, Object>> groups = catalog.groups().stream()
                .map(g -> Exchange.model("group", g, "products", catalog.productsInGroup(g.id())))
                .toList();
        Map<Long, String> names = catalog.products().stream().collect(Collectors.toMap(Product::id, Product::name));
        List<Map<String, Object>> bundles = catalog.bundles().stream()
                .map(b -> Exchange.model("bundle", b, "products",
                        b.productIds().stream().map(id -> names.getOrDefault(id, "#" + id)).toList()))
                .toList();
        ex.render("admin/products.ftlh", Exchange.model("groups", groups, "bundles", bundles,
                "allProducts", catalog.products()));
    }

    private void post(Exchange ex) throws IOException {
        long productId = ex.number("id");
        String back = LINK + "?action=product&id=" + productId;
        switch (ex.param("do")) {
            case "creategroup" -> ex.actThenRedirect(LINK, () ->
                    "Created product group " + catalog.createGroup(ex.required("name", "Group name"),
                            ex.ticked("hidden")).name() + ".");
            case "savegroup" -> ex.actThenRedirect(LINK, () ->
                    "Saved product group " + catalog.updateGroup(ex.number("id"), ex.required("name", "Group name"),
                            ex.ticked("hidden")).name() + ".");
            case "saveproduct" -> saveProduct(ex);
            case "testconnection" -> {
                CommandResult r = host.commands().testConnection(ex.param("module"), options(ex, optionalProduct(productId)));
                renderProduct(ex, 200, formFromParams(ex), Notice.of("Test connection", r));
            }
            case "addfield" -> ex.actThenRedirect(back, () ->
                    "Added custom field " + catalog.addCustomField(productId, field(ex)).name() + ".");
            case "savefield" -> ex.actThenRedirect(back, () ->
                    "Saved custom field " + catalog.updateCustomField(ex.number("fieldid"), field(ex)).name() + ".");
            case "removefield" -> ex.actThenRedirect(back, () -> {
                catalog.removeCustomField(ex.number("fieldid"), ex.ticked("force"));
                return "Removed the custom field and its values.";
            });
            case "createbundle" -> ex.actThenRedirect(LINK, () -> "Created bundle " + catalog.createBundle(
                    ex.required("name", "Bundle name"), ex.param("description"),
                    ex.params("bundlepid").stream().map(ProductsPage::parseId).toList()).name() + ".");
            default -> throw PageException.badRequest("Unknown action.");
        }
    }

    private void saveProduct(Exchange ex) throws IOException {
        long id = ex.number("id");
        Map<String, Object> form = formFromParams(ex);
        if (!ex.param("module").equals(ex.param("shownmodule"))) {
            renderProduct(ex, 200, form, Notice.ok("Showing the settings of the chosen module. Fill them in, then save."));
            return;
        }
        try {
            NewProduct np = new NewProduct(ex.number("gid"), ex.required("name", "Product name"), ex.param("description"),
                    ProductType.valueOf(ex.param("type")), ex.ticked("hidden"), PayType.valueOf(ex.param("paytype")),
                    price(ex.param("price")), ex.param("module"), options(ex, optionalProduct(id)),
                    AutoSetup.fromCode(ex.param("autosetup"))
                            .orElseThrow(() -> PageException.badRequest("Choose one of the four auto-setup options.")),
                    List.of());
            Product saved = id == 0 ? catalog.addProduct(np) : catalog.updateProduct(id, np);
            ex.flash(Notice.ok("Saved product " + saved.name() + "."));
            ex.redirect(LINK + "?action=product&id=" + saved.id());
        } catch (PageException | BillingException e) {
            renderProduct(ex, 400, form, Notice.error(e.getMessage()));
        } catch (IllegalArgumentException e) {
            renderProduct(ex, 400, form, Notice.error("Choose a product type and a pay type from the lists."));
        }
    }

    private void renderProduct(Exchange ex, int status, Map<String, Object> form, Notice notice) throws IOException {
        long id = (Long) form.get("id");
        String module = (String) form.get("module");
        Optional<ModuleInfo> info = module.isEmpty() ? Optional.empty() : host.modules().serverModule(module);
        ex.render(status, PRODUCT_TEMPLATE, Exchange.model("form", form,
                "product", id == 0 ? null : catalog.product(id).orElse(null),
                "groups", catalog.groups(), "modules", host.modules().serverModules(),
                "moduleInfo", info.orElse(null), "moduleMissing", !module.isEmpty() && info.isEmpty(),
                "types", Arrays.stream(ProductType.values()).map(Enum::name).toList(),
                "payTypes", Arrays.stream(PayType.values()).map(Enum::name).toList(),
                "fieldTypes", Arrays.stream(CustomFieldType.values()).map(Enum::name).toList(),
                "flash", notice));
    }

    private static Map<String, Object> form(Product p) {
        return Exchange.model("id", p.id(), "groupId", p.groupId(), "name", p.name(), "description", p.description(),
                "type", p.type().name(), "hidden", p.hidden(), "payType", p.payType().name(),
                "price", p.price().toPlainString(), "module", p.module(), "options", p.configOptions(),
                "autoSetup", p.autoSetup().code());
    }

    private static Map<String, Object> formFromParams(Exchange ex) {
        List<String> options = new ArrayList<>();
        for (int i = 1; i <= ModuleProperties.MAX_CONFIG_OPTIONS; i++) {
            options.add(ex.param("configoption" + i));
        }
        return Exchange.model("id", ex.number("id"), "groupId", ex.number("gid"), "name", ex.param("name"),
                "description", ex.param("description"), "type", ex.param("type"), "hidden", ex.ticked("hidden"),
                "payType", ex.param("paytype"), "price", ex.param("price"), "module", ex.param("module"),
                "options", options, "autoSetup", ex.param("autosetup"));
    }

    /** configoption1..24 as typed; a password option left empty keeps the product's stored secret. */
    private List<String> options(Exchange ex, Optional<Product> stored) {
        List<ConfigField> fields = host.modules().serverModule(ex.param("module")).map(ModuleInfo::fields).orElse(List.of());
        List<String> options = new ArrayList<>();
        for (int i = 1; i <= ModuleProperties.MAX_CONFIG_OPTIONS; i++) {
            String v = ex.param("configoption" + i);
            boolean secret = i <= fields.size() && fields.get(i - 1).type().isSecret();
            if (secret && v.isEmpty() && stored.isPresent()) {
                v = stored.get().configOptions().get(i - 1);
            }
            options.add(v);
        }
        return options;
    }

    private Optional<Product> optionalProduct(long id) {
        return id == 0 ? Optional.empty() : catalog.product(id);
    }

    private Product product(long id) {
        return catalog.product(id).orElseThrow(() -> PageException.notFound("There is no product #" + id + "."));
    }

    private static NewCustomField field(Exchange ex) {
        String regex = ex.param("regex").trim();
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw PageException.badRequest("The validation expression is not a valid regular expression: "
                    + e.getDescription() + ".");
        }
        CustomFieldType type;
        try {
            type = CustomFieldType.valueOf(ex.param("fieldtype").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PageException.badRequest("Choose a field type from the list.");
        }
        List<String> options = Arrays.stream(ex.param("options").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new NewCustomField(ex.required("fieldname", "Field name"), type, ex.param("fielddescription"),
                regex, options, ex.ticked("adminonly"), ex.ticked("required"), ex.ticked("showorder"),
                ex.ticked("showinvoice"));
    }

    private static BigDecimal price(String text) {
        try {
            BigDecimal price = new BigDecimal(text.trim().isEmpty() ? "0" : text.trim());
            if (price.signum() < 0 || price.scale() > 2) {
                throw PageException.badRequest("The price must be zero or more, with at most two decimals (e.g. 9.95).");
            }
            return price;
        } catch (NumberFormatException e) {
            throw PageException.badRequest("The price must be a number such as 9.95.");
        }
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw PageException.badRequest("Choose products from the list.");
        }
    }
}
