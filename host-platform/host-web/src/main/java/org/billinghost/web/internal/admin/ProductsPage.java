package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailTemplate;
import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.api.platform.ProductType;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.FormInputs;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    /** The welcome e-mail choice of the default template (a product's null). */
    private static final String DEFAULT_WELCOME = "default";
    /** The pricing grid's rows: the one-time price, then each recurring cycle. */
    private static final List<BillingCycle> GRID = Arrays.stream(BillingCycle.values())
            .filter(c -> c != BillingCycle.FREE).toList();
    private static final String ONETIME_SETUP_FEE = "osetupfee";
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
                    renderProduct(ex, 200, form(p), null, null);
                } else {
                    ProductGroup g = catalog.group(ex.number("gid"))
                            .orElseThrow(() -> PageException.notFound("Choose an existing product group for the new product."));
                    renderProduct(ex, 200, Exchange.model("id", 0L, "groupId", g.id(), "name", "", "description", "",
                            "type", ProductType.OTHER.name(), "hidden", false, "payType", PayType.FREE.name(),
                            "pricing", Map.of(), "module", "", "options", List.of(), "autoSetup", AutoSetup.MANUAL.code(),
                            "welcomeEmail", DEFAULT_WELCOME),
                            null, null);
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
                "allProducts", catalog.products(), "currency", catalog.currency()));
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
                renderProduct(ex, 200, formFromParams(ex), Notice.of("Test connection", r), null);
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
            renderProduct(ex, 200, form, Notice.ok("Showing the settings of the chosen module. Fill them in, then save."),
                    null);
            return;
        }
        PayType payType;
        try {
            payType = PayType.valueOf(ex.param("paytype"));
        } catch (IllegalArgumentException e) {
            renderProduct(ex, 400, form, Notice.error("Choose a pay type from the list."), "paytype");
            return;
        }
        try {
            NewProduct np = new NewProduct(ex.number("gid"), ex.required("name", "Product name"), ex.param("description"),
                    ProductType.valueOf(ex.param("type")), ex.ticked("hidden"), payType, null,
                    ex.param("module"), options(ex, optionalProduct(id)),
                    AutoSetup.fromCode(ex.param("autosetup"))
                            .orElseThrow(() -> PageException.badRequest("Choose one of the four auto-setup options.")),
                    List.of(), pricing(ex), welcomeEmail(ex.param("welcomeemail")));
            if (showsFreeProvisioning(np, optionalProduct(id)) && !"yes".equals(ex.param("confirmfree"))) {
                form.put("confirmFree", true);
                renderProduct(ex, 200, form, Notice.error("This product runs the '" + np.module() + "' module and costs"
                        + " nothing: once it is shown in the store, anyone can order it free and have it provisioned."
                        + " Press Save Changes again to show it anyway, or set a price first."), "hidden");
                return;
            }
            Product saved = id == 0 ? catalog.addProduct(np) : catalog.updateProduct(id, np);
            ex.flash(Notice.ok("Saved product " + saved.name() + "."));
            ex.redirect(LINK + "?action=product&id=" + saved.id());
        } catch (PageException e) {
            renderProduct(ex, 400, form, Notice.error(e.getMessage()), null);
        } catch (BillingException e) {
            renderProduct(ex, 400, form, Notice.error(e.getMessage()), e.field().map(f -> input(ex, payType, f)).orElse(null));
        } catch (IllegalArgumentException e) {
            renderProduct(ex, 400, form, Notice.error("Choose a product type from the list."), "type");
        }
    }

    /**
     * Whether saving makes a hidden product with a server module visible while it costs nothing on every cycle
     * (e.g. a Jetpack plan the addon created at 0.00): that gives away what the module provisions, so it is confirmed.
     */
    private static boolean showsFreeProvisioning(NewProduct np, Optional<Product> before) {
        boolean free = np.pricing().stream().allMatch(p -> p.firstPayment().signum() == 0);
        return free && !np.hidden() && !np.module().isEmpty() && before.map(Product::hidden).orElse(false);
    }

    /**
     * The grid's rows filled in: an empty price leaves the cycle out. A setup fee without its price is refused
     * rather than dropped; a price the pay type does not take is the catalog's to refuse, naming its cycle.
     */
    private static List<CyclePrice> pricing(Exchange ex) {
        List<CyclePrice> pricing = new ArrayList<>();
        for (BillingCycle cycle : GRID) {
            String feeInput = feeInput(cycle);
            BigDecimal price = FormInputs.money(ex.param(cycle.code()), cycle.code(), "The " + cycle.label() + " price");
            BigDecimal fee = FormInputs.money(ex.param(feeInput), feeInput, "The " + cycle.label() + " setup fee");
            if (price == null && fee != null) {
                throw BillingException.invalid(feeInput, "The " + cycle.label() + " setup fee needs a "
                        + cycle.label() + " price: give the price or clear the fee.");
            }
            if (price != null) {
                pricing.add(new CyclePrice(cycle, price, fee));
            }
        }
        return pricing;
    }

    /** The grid's input of a setup fee: WHMCS's name ({@code msetupfee}...), {@code osetupfee} for the one-time price. */
    private static String feeInput(BillingCycle cycle) {
        return cycle == BillingCycle.ONETIME ? ONETIME_SETUP_FEE : cycle.setupFeeCode();
    }

    /**
     * The form input a refusal's field names: the catalog calls a one-time setup fee {@code msetupfee}, as WHMCS
     * does, and the price of a product of one cycle {@code price}.
     */
    /** The welcome e-mail chosen: the default template (null), none (0) or an added template's id. */
    private static Long welcomeEmail(String value) {
        if (value.isEmpty() || DEFAULT_WELCOME.equals(value)) {
            return null;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw PageException.badRequest("Choose a welcome e-mail from the list.");
        }
        return Long.parseLong(value);
    }

    private static String input(Exchange ex, PayType payType, String field) {
        if (field.equals("price")) {
            return GRID.stream().map(BillingCycle::code).filter(code -> !ex.param(code).isBlank()).findFirst()
                    .orElse(field);
        }
        return payType == PayType.ONETIME && field.equals(BillingCycle.ONETIME.setupFeeCode()) ? ONETIME_SETUP_FEE : field;
    }

    private void renderProduct(Exchange ex, int status, Map<String, Object> form, Notice notice, String errorField)
            throws IOException {
        long id = (Long) form.get("id");
        String module = (String) form.get("module");
        Optional<ModuleInfo> info = module.isEmpty() ? Optional.empty() : host.modules().serverModule(module);
        ex.render(status, PRODUCT_TEMPLATE, Exchange.model("form", form,
                "product", id == 0 ? null : catalog.product(id).orElse(null),
                "groups", catalog.groups(), "modules", host.modules().serverModules(),
                "moduleInfo", info.orElse(null), "moduleMissing", !module.isEmpty() && info.isEmpty(),
                "types", Arrays.stream(ProductType.values()).map(Enum::name).toList(),
                "payTypes", Arrays.stream(PayType.values()).map(Enum::name).toList(),
                "grid", GRID.stream().map(c -> Exchange.model("label", c.label(), "price", c.code(), "fee", feeInput(c)))
                        .toList(),
                "currency", catalog.currency(), "errorField", errorField,
                "fieldTypes", Arrays.stream(CustomFieldType.values()).map(Enum::name).toList(),
                "welcomeTemplates", host.emails().templates().stream().filter(EmailTemplate::added).toList(),
                "flash", notice));
    }

    private static Map<String, Object> form(Product p) {
        return Exchange.model("id", p.id(), "groupId", p.groupId(), "name", p.name(), "description", p.description(),
                "type", p.type().name(), "hidden", p.hidden(), "payType", p.payType().name(),
                "pricing", pricingForm(p), "module", p.module(), "options", p.configOptions(),
                "autoSetup", p.autoSetup().code(),
                "welcomeEmail", p.welcomeEmail() == null ? DEFAULT_WELCOME : String.valueOf(p.welcomeEmail()));
    }

    /** The stored prices by grid input; a zero setup fee shows empty. */
    private static Map<String, String> pricingForm(Product p) {
        Map<String, String> values = new HashMap<>();
        for (CyclePrice price : p.pricing()) {
            values.put(price.cycle().code(), price.price().toPlainString());
            if (price.setupFee().signum() != 0) {
                values.put(feeInput(price.cycle()), price.setupFee().toPlainString());
            }
        }
        return values;
    }

    private static Map<String, Object> formFromParams(Exchange ex) {
        List<String> options = new ArrayList<>();
        for (int i = 1; i <= ModuleProperties.MAX_CONFIG_OPTIONS; i++) {
            options.add(ex.param("configoption" + i));
        }
        return Exchange.model("id", ex.number("id"), "groupId", ex.number("gid"), "name", ex.param("name"),
                "description", ex.param("description"), "type", ex.param("type"), "hidden", ex.ticked("hidden"),
                "payType", ex.param("paytype"), "pricing", pricingParams(ex), "module", ex.param("module"),
                "options", options, "autoSetup", ex.param("autosetup"), "welcomeEmail", ex.param("welcomeemail"));
    }

    private static Map<String, String> pricingParams(Exchange ex) {
        Map<String, String> values = new HashMap<>();
        for (BillingCycle cycle : GRID) {
            values.put(cycle.code(), ex.param(cycle.code()));
            values.put(feeInput(cycle), ex.param(feeInput(cycle)));
        }
        return values;
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

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw PageException.badRequest("Choose products from the list.");
        }
    }
}
