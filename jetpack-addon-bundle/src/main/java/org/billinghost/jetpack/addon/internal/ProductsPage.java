package org.billinghost.jetpack.addon.internal;

import static org.billinghost.jetpack.addon.internal.Markup.alert;
import static org.billinghost.jetpack.addon.internal.Markup.heading;
import static org.billinghost.jetpack.addon.internal.Markup.link;
import static org.billinghost.jetpack.addon.internal.Markup.paragraph;
import static org.billinghost.jetpack.addon.internal.Markup.postForm;
import static org.billinghost.jetpack.addon.internal.Markup.select;
import static org.billinghost.jetpack.addon.internal.Markup.text;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import org.billinghost.jetpack.addon.internal.Markup.Kind;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;

/** Manage Jetpack Products: the three states of the page and the Create action. */
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
        return page(request, "");
    }

    /** POST {@value #GROUP_PARAMETER}: creates the missing plan products in that group. */
    AddonPage add(AddonRequest request) {
        if (!request.isPost()) {
            return page(request, CredentialsBanner.mustPost());
        }
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        if (!credentials.complete()) {
            return page(request, alert(Kind.DANGER, "Nothing was created: the partner credentials are not configured,"
                    + " and the products need them.", link(HostPaths.CONFIGURE_ADDON, "Configure the addon")));
        }
        long groupId;
        try {
            groupId = Long.parseLong(request.parameter(GROUP_PARAMETER).trim());
        } catch (NumberFormatException e) {
            return page(request, alert(Kind.DANGER, "Choose the product group the Jetpack products go into; nothing was created.", ""));
        }
        GenerationResult result = generator.generate(groupId, credentials);
        if (result instanceof GenerationResult.Created created) {
            activityLog.log(PartnerApi.PREFIX + "created the products " + names(created.created()) + " in product group "
                    + groupId + " by admin " + request.admin().username(), 0);
            return Layout.redirect(request, Actions.MANAGE_PRODUCT, "products_created");
        }
        if (result instanceof GenerationResult.AlreadyExist exist) {
            return page(request, alert(Kind.INFO, "The Jetpack products already exist (" + names(exist.existing())
                    + "); nothing was created.", ""));
        }
        return page(request, alert(Kind.DANGER, ((GenerationResult.Refused) result).message(), ""));
    }

    private AddonPage page(AddonRequest request, String resultHtml) {
        StringBuilder html = new StringBuilder(heading("Manage Jetpack Products")).append(resultHtml);
        Map<Plan, Product> existing = ProductGenerator.existingPlanProducts(catalog);
        List<ProductGroup> groups = catalog.groups();
        if (!existing.isEmpty()) {
            html.append(productTable(existing)).append(bundles(existing));
            if (existing.size() < Plan.values().length && !groups.isEmpty()) {
                html.append(paragraph("Some plans have no product yet.")).append(createForm(request, groups, "Create the missing products"));
            }
        } else if (groups.isEmpty()) {
            html.append(alert(Kind.INFO, "The Jetpack products go into a product group, and there is none yet.",
                    link(HostPaths.CREATE_GROUP, "Create a product group")));
        } else {
            html.append(paragraph("There are no Jetpack products yet. Pick the product group they go into and press"
                    + " Create: one product per plan (Free, Personal, Premium, Professional), hidden until you set"
                    + " their prices, set up automatically when the first invoice is paid."));
            if (!AddonSettings.credentials(request.config()).complete()) {
                html.append(Layout.notConfigured());
            }
            html.append(createForm(request, groups, "Create Jetpack Products"));
        }
        return layout.page(request, Actions.MANAGE_PRODUCT, html.toString());
    }

    private String productTable(Map<Plan, Product> existing) {
        Map<Long, ProductRecord> made = records.all();
        Map<Long, String> groupNames = catalog.groups().stream()
                .collect(Collectors.toMap(ProductGroup::id, ProductGroup::name));
        List<List<String>> rows = new ArrayList<>();
        existing.forEach((plan, product) -> {
            ProductRecord record = made.get(product.id());
            rows.add(List.of(
                    link(HostPaths.editProduct(product.id()), product.name()),
                    text(plan.label()),
                    text(groupNames.getOrDefault(product.groupId(), "#" + product.groupId())),
                    text(Long.toString(catalog.countServices(product.id(), "Active"))),
                    text(record == null ? "not by this addon" : DATE.format(record.created()))));
        });
        return Markup.table(List.of("Product", "Plan", "Product group", "Active services", "Created by the addon"), rows);
    }

    private String bundles(Map<Plan, Product> existing) {
        Set<Long> ids = existing.values().stream().map(Product::id).collect(Collectors.toSet());
        List<String> withJetpack = catalog.bundles().stream()
                .filter(b -> b.productIds().stream().anyMatch(ids::contains))
                .map(ProductBundle::name)
                .toList();
        if (withJetpack.isEmpty()) {
            return alert(Kind.INFO, "No product bundle contains a Jetpack product yet. A bundle sells a Jetpack plan"
                    + " together with hosting.", link(HostPaths.BUNDLES, "Create a product bundle"));
        }
        return "<p>" + text("Bundles with a Jetpack product: " + String.join(", ", withJetpack) + ". ")
                + link(HostPaths.BUNDLES, "Manage product bundles") + "</p>\n";
    }

    private static String createForm(AddonRequest request, List<ProductGroup> groups, String button) {
        Map<String, String> options = new LinkedHashMap<>();
        groups.forEach(g -> options.put(Long.toString(g.id()), g.name()));
        return postForm(Layout.actionLink(request, Actions.ADD_PRODUCT), request.csrfToken(),
                select(GROUP_PARAMETER, "Product group", options, ""), button);
    }

    private static String names(List<Product> products) {
        return String.join(", ", products.stream().map(Product::name).toList());
    }
}
