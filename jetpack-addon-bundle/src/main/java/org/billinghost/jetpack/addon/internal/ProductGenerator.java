package org.billinghost.jetpack.addon.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.Product;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one product per Jetpack plan in a product group: the missing ones in one catalog
 * transaction (all or none), never a second product for a plan that already has one.
 */
final class ProductGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ProductGenerator.class);

    private final Catalog catalog;
    private final ProductRecords records;

    ProductGenerator(Catalog catalog, ProductRecords records) {
        this.catalog = catalog;
        this.records = records;
    }

    /** Serialised so that two admins pressing Create at once cannot both create the products. */
    synchronized GenerationResult generate(long groupId, PartnerCredentials credentials) {
        if (catalog.group(groupId).isEmpty()) {
            return new GenerationResult.Refused(PartnerApi.PREFIX + "product group " + groupId
                    + " does not exist; nothing was created.");
        }
        Map<Plan, Product> existing = existingPlanProducts(catalog);
        List<NewProduct> missing = List.of(Plan.values()).stream()
                .filter(plan -> !existing.containsKey(plan))
                .map(plan -> JetpackProducts.newProduct(groupId, plan, credentials))
                .toList();
        if (missing.isEmpty()) {
            return new GenerationResult.AlreadyExist(List.copyOf(existing.values()));
        }
        List<Product> created;
        try {
            created = catalog.addProducts(missing);
        } catch (BillingException e) {
            return refused(e);
        } catch (RuntimeException e) {
            // a database failure inside the catalog's transaction: rolled back, so still nothing was created
            LOG.warn("JETPACK MODULE: the catalog failed to create the Jetpack products group={}", groupId, e);
            return refused(e);
        }
        recordAll(created);
        return new GenerationResult.Created(created, existing.size());
    }

    private static GenerationResult refused(RuntimeException e) {
        return new GenerationResult.Refused(PartnerApi.PREFIX + "the Jetpack products could not be created: "
                + e.getMessage() + " Nothing was created.");
    }

    /** The products of the {@code jetpack} module that sell a plan, by plan (the first one found wins). */
    static Map<Plan, Product> existingPlanProducts(Catalog catalog) {
        Map<Plan, Product> byPlan = new EnumMap<>(Plan.class);
        for (Product product : catalog.productsOfModule(JetpackProducts.MODULE)) {
            JetpackProducts.planOf(product).ifPresent(plan -> byPlan.putIfAbsent(plan, product));
        }
        return byPlan;
    }

    /** The catalog is the truth; the addon's table only remembers what it made, so a failure here is logged. */
    private void recordAll(List<Product> created) {
        try {
            for (Product product : created) {
                records.record(product.id(), JetpackProducts.planOf(product).orElseThrow());
            }
        } catch (DatabaseException e) {
            LOG.warn("JETPACK MODULE: products created but not recorded in the addon's table: {}", e.getMessage());
        }
    }
}
