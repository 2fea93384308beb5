package org.billinghost.jetpack.addon.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
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
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicenseProduct;
import org.billinghost.jetpack.partner.LicensingApi;
import org.billinghost.jetpack.partner.PartnerApi;

/**
 * Create license products ({@code templates/license-products.ftlh}): the partner's catalogue with its cost per month
 * ({@code GET /partner/product-families}); the ticked products are created in one catalog transaction, module
 * {@value #MODULE}, priced per cycle at cost plus the admin's margin. A slug that has a product already is never
 * created again.
 */
final class LicenseProductsPage {
    static final String MODULE = "jetpack_licensing";
    static final String SLUG = "slug";
    static final String MARGIN = "margin";
    static final String GROUP = "product_group_id";
    static final String DEFAULT_MARGIN = "30";
    static final BigDecimal MAX_MARGIN = new BigDecimal("1000");
    static final int MAX_SLUGS = 50;
    private static final List<BillingCycle> CYCLES = List.of(BillingCycle.MONTHLY, BillingCycle.QUARTERLY,
            BillingCycle.SEMIANNUALLY, BillingCycle.ANNUALLY);

    private final Layout layout;
    private final Catalog catalog;
    private final ServiceSlot<LicensingApi> licensing;
    private final ActivityLog activityLog;

    LicenseProductsPage(Layout layout, Catalog catalog, ServiceSlot<LicensingApi> licensing, ActivityLog activityLog) {
        this.layout = layout;
        this.catalog = catalog;
        this.licensing = licensing;
        this.activityLog = activityLog;
    }

    AddonPage show(AddonRequest request) {
        return page(request, new ArrayList<>(), DEFAULT_MARGIN);
    }

    /** POST product_group_id, margin, slug (repeated). Serialised in this host, as the plan products are. */
    synchronized AddonPage create(AddonRequest request) {
        String marginText = request.parameter(MARGIN).trim();
        List<Map<String, Object>> alerts = new ArrayList<>();
        if (!request.isPost()) {
            alerts.add(CredentialsBanner.mustPost());
            return page(request, alerts, marginText);
        }
        String token = AddonSettings.licensingToken(request.config());
        Optional<BigDecimal> margin = margin(marginText);
        List<String> slugs = request.parameters().getOrDefault(SLUG, List.of());
        Optional<ProductGroup> group = parseId(request.parameter(GROUP)).flatMap(catalog::group);
        if (margin.isEmpty()) {
            alerts.add(Alert.of(Kind.DANGER, "The margin must be a number of percent from 0 to " + MAX_MARGIN
                    + ", e.g. 30. Nothing was created."));
        }
        if (group.isEmpty()) {
            alerts.add(Alert.of(Kind.DANGER, "Choose the product group the products go into. Nothing was created."));
        }
        if (slugs.isEmpty() || slugs.size() > MAX_SLUGS) {
            alerts.add(Alert.of(Kind.DANGER, "Tick the Jetpack products to create (at most " + MAX_SLUGS + ")."
                    + " Nothing was created."));
        }
        if (token.isEmpty()) {
            alerts.add(tokenMissing());
        }
        if (!alerts.isEmpty()) {
            return page(request, alerts, marginText);
        }
        if (licensing.get().isEmpty()) {
            return page(request, new ArrayList<>(List.of(PartnerApiAccess.unavailable())), marginText);
        }
        LicenseCatalogue offer = licensing.get().get().partnerCatalogue(token);
        if (!offer.outcome().ok()) {
            return page(request, new ArrayList<>(List.of(Alert.of(Kind.DANGER, offer.outcome().message()))), marginText);
        }
        Set<String> existing = existingSlugs();
        List<NewProduct> missing = new ArrayList<>();
        for (String slug : new LinkedHashSet<>(slugs)) {
            Optional<LicenseProduct> product = offer.product(slug.trim());
            if (product.isEmpty() || product.get().amount() == null) {
                return page(request, new ArrayList<>(List.of(Alert.of(Kind.DANGER, "'" + shorten(slug) + "' is not"
                        + " a product your partner account may buy. Nothing was created."))), marginText);
            }
            if (!existing.contains(product.get().slug())) {
                missing.add(newProduct(group.get().id(), product.get(), token, margin.get()));
            }
        }
        if (missing.isEmpty()) {
            return page(request, new ArrayList<>(List.of(Alert.of(Kind.INFO, "These Jetpack products exist already;"
                    + " nothing was created."))), marginText);
        }
        try {
            List<Product> created = catalog.addProducts(missing);
            activityLog.log(PartnerApi.PREFIX + "admin " + request.admin().username() + " created the license products "
                    + String.join(", ", created.stream().map(Product::name).toList()) + " at a margin of "
                    + margin.get().toPlainString() + "%", 0);
            return page(request, new ArrayList<>(List.of(Alert.of(Kind.SUCCESS, "Created " + created.size()
                    + " license products (" + String.join(", ", created.stream().map(Product::name).toList())
                    + "), priced at your cost plus " + margin.get().toPlainString() + "%."))), marginText);
        } catch (BillingException e) {
            return page(request, new ArrayList<>(List.of(Alert.of(Kind.DANGER, PartnerApi.PREFIX + "the license"
                    + " products could not be created: " + e.getMessage() + " Nothing was created."))), marginText);
        }
    }

    /** Cost × months × (1 + margin), to the cent, for each cycle; visible, set up when the order is paid. */
    static NewProduct newProduct(long groupId, LicenseProduct product, String token, BigDecimal margin) {
        BigDecimal factor = BigDecimal.ONE.add(margin.movePointLeft(2));
        List<CyclePrice> pricing = CYCLES.stream().map(cycle -> new CyclePrice(cycle,
                monthly(product).multiply(BigDecimal.valueOf(cycle.months())).multiply(factor)
                        .setScale(2, RoundingMode.HALF_UP), BigDecimal.ZERO)).toList();
        return new NewProduct(groupId, product.name(), product.family() + ": a Jetpack license key for your WordPress site.",
                ProductType.OTHER, false, PayType.RECURRING, pricing.get(0).price(), MODULE,
                List.of(token, product.slug(), "on", "Keep the license"), AutoSetup.PAYMENT,
                List.of(new NewCustomField("Site URL", CustomFieldType.LINK,
                        "The address of your WordPress site, e.g. example.com (the license is attached to it)", "",
                        List.of(), false, false, true, false)), pricing);
    }

    /** The partner's cost per month; a daily price counts 30 days. */
    private static BigDecimal monthly(LicenseProduct product) {
        return "day".equals(product.priceInterval()) ? product.amount().multiply(BigDecimal.valueOf(30)) : product.amount();
    }

    private Set<String> existingSlugs() {
        Set<String> slugs = new LinkedHashSet<>();
        for (Product product : catalog.productsOfModule(MODULE)) {
            if (product.configOptions().size() >= 2) {
                slugs.add(product.configOptions().get(1).trim());
            }
        }
        return slugs;
    }

    private AddonPage page(AddonRequest request, List<Map<String, Object>> alerts, String margin) {
        Map<String, Object> model = new HashMap<>();
        model.put("fields", Map.of("slug", SLUG, "margin", MARGIN, "group", GROUP));
        model.put("margin", margin.length() > 10 ? DEFAULT_MARGIN : margin);
        model.put("createAction", Layout.actionLink(request, Actions.CREATE_LICENSE_PRODUCTS));
        Map<String, String> groups = new LinkedHashMap<>();
        catalog.groups().forEach(g -> groups.put(Long.toString(g.id()), g.name()));
        model.put("groups", groups);
        String token = AddonSettings.licensingToken(request.config());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (token.isEmpty()) {
            alerts.add(tokenMissing());
        } else if (licensing.get().isEmpty()) {
            alerts.add(PartnerApiAccess.unavailable());
        } else {
            LicenseCatalogue offer = licensing.get().get().partnerCatalogue(token);
            if (!offer.outcome().ok()) {
                alerts.add(Alert.of(Kind.DANGER, "The catalogue could not be loaded: " + offer.outcome().message()));
            }
            Set<String> existing = existingSlugs();
            for (LicenseProduct p : offer.products()) {
                rows.add(Map.of("family", p.family(), "name", p.name(), "slug", p.slug(),
                        "cost", p.amount() == null ? "" : p.amount().toPlainString() + " " + p.currency().toUpperCase()
                                + " / " + p.priceInterval(), "exists", existing.contains(p.slug())));
            }
        }
        model.put("alerts", alerts);
        model.put("rows", rows);
        return layout.page(request, Actions.CREATE_LICENSE_PRODUCTS_FORM, "license-products.ftlh", model);
    }

    private static Map<String, Object> tokenMissing() {
        return Alert.withLink(Kind.WARNING, "The Licensing API token is not configured, so the catalogue cannot be read.",
                HostPaths.CONFIGURE_ADDON, "Configure the addon");
    }

    private static Optional<BigDecimal> margin(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            return value.signum() >= 0 && value.compareTo(MAX_MARGIN) <= 0 && text.length() <= 10
                    ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
