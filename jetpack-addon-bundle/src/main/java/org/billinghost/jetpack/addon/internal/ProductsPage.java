package org.billinghost.jetpack.addon.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductBundle;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;

/** Manage Jetpack Products ({@code templates/products.ftlh}): the three states of the page and the Create action. */
final class ProductsPage {
    static final String GROUP_PARAMETER = "product_group_id";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final Catalog catalog;
    private final ProductRecords records;
    private final ProductGenerator generator;
    private final ActivityLog activityLog;

    ProductsPage(Layout layout, Catalog catalog, ProductRecords records, ProductGenerator generator, ActivityLog activityLog) {
        this.layout = layout;
        this.catalog = catalog;
        this.records = records;
        this.generator = generator;
        this.activityLog = activityLog;
    }

    AddonPage show(AddonRequest request) {
        return page(request, Alert.none());
    }

    /** POST {@value #GROUP_PARAMETER}: creates the missing plan products in that group. */
    AddonPage add(AddonRequest request) {
        if (!request.isPost()) {
            return page(request, List.of(CredentialsBanner.mustPost()));
        }
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        if (!credentials.complete()) {
            return page(request, List.of(Alert.withLink(Kind.DANGER, "Nothing was created: the partner credentials are not"
                    + " configured, and the products need them.", HostPaths.CONFIGURE_ADDON, "Configure the addon")));
        }
        long groupId;
        try {
            groupId = Long.parseLong(request.parameter(GROUP_PARAMETER).trim());
        } catch (NumberFormatException e) {
            return page(request, List.of(Alert.of(Kind.DANGER,
                    "Choose the product group the Jetpack products go into; nothing was created.")));
        }
        GenerationResult result = generator.generate(groupId, credentials);
        if (result instanceof GenerationResult.Created created) {
            activityLog.log(PartnerApi.PREFIX + "created the products " + names(created.created()) + " in product group "
                    + groupId + " by admin " + request.admin().username(), 0);
            return Layout.redirect(request, Actions.MANAGE_PRODUCT, "products_created");
        }
        if (result instanceof GenerationResult.AlreadyExist exist) {
            return page(request, List.of(Alert.of(Kind.INFO, "The Jetpack products already exist ("
                    + names(exist.existing()) + "); nothing was created.")));
        }
        return page(request, List.of(Alert.of(Kind.DANGER, ((GenerationResult.Refused) result).message())));
    }

    private AddonPage page(AddonRequest request, List<Map<String, Object>> results) {
        Map<Plan, Product> existing = ProductGenerator.existingPlanProducts(catalog);
        List<ProductGroup> groups = catalog.groups();
        Map<String, String> groupOptions = new LinkedHashMap<>();
        groups.forEach(g -> groupOptions.put(Long.toString(g.id()), g.name()));
        Map<String, Object> model = new HashMap<>();
        model.put("results", results);
        model.put("rows", rows(existing, groups));
        model.put("bundles", bundles(existing));
        model.put("bundlesHref", HostPaths.BUNDLES);
        model.put("noBundle", Alert.withLink(Kind.INFO, "No product bundle contains a Jetpack product yet. A bundle sells a"
                + " Jetpack plan together with hosting.", HostPaths.BUNDLES, "Create a product bundle"));
        model.put("noGroup", Alert.withLink(Kind.INFO, "The Jetpack products go into a product group, and there is none yet.",
                HostPaths.CREATE_GROUP, "Create a product group"));
        model.put("groups", groupOptions);
        model.put("groupField", GROUP_PARAMETER);
        model.put("missingPlans", existing.size() < Plan.values().length);
        model.put("addAction", Layout.actionLink(request, Actions.ADD_PRODUCT));
        Layout.markNotConfigured(request, model);
        return layout.page(request, Actions.MANAGE_PRODUCT, "products.ftlh", model);
    }

    private List<Map<String, Object>> rows(Map<Plan, Product> existing, List<ProductGroup> groups) {
        if (existing.isEmpty()) {
            return List.of();
        }
        Map<Long, ProductRecord> made = records.all();
        Map<Long, String> groupNames = groups.stream().collect(Collectors.toMap(ProductGroup::id, ProductGroup::name));
        List<Map<String, Object>> rows = new ArrayList<>();
        existing.forEach((plan, product) -> {
            ProductRecord record = made.get(product.id());
            rows.add(Map.of(
                    "href", HostPaths.editProduct(product.id()),
                    "name", product.name(),
                    "plan", plan.label(),
                    "group", groupNames.getOrDefault(product.groupId(), "#" + product.groupId()),
                    "active", Long.toString(catalog.countServices(product.id(), "Active")),
                    "created", record == null ? "not by this addon" : DATE.format(record.created())));
        });
        return rows;
    }

    /** Names of the product bundles that hold a Jetpack product. */
    private List<String> bundles(Map<Plan, Product> existing) {
        Set<Long> ids = existing.values().stream().map(Product::id).collect(Collectors.toSet());
        return catalog.bundles().stream()
                .filter(b -> b.productIds().stream().anyMatch(ids::contains))
                .map(ProductBundle::name)
                .toList();
    }

    private static String names(List<Product> products) {
        return String.join(", ", products.stream().map(Product::name).toList());
    }
}
