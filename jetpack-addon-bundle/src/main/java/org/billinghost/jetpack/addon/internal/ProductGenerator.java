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
 * transaction (all or none), never a second product for a plan that already has one — also when two
 * hosts on one database create them at once ({@link PlanClaims}).
 */
final class ProductGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(ProductGenerator.class);

    private final Catalog catalog;
    private final ProductRecords records;
    private final PlanClaims claims;

    ProductGenerator(Catalog catalog, ProductRecords records, PlanClaims claims) {
        this.catalog = catalog;
        this.records = records;
        this.claims = claims;
    }

    /** Serialised in this JVM (admins of one host wait for each other); the plan claims guard across hosts. */
    synchronized GenerationResult generate(long groupId, PartnerCredentials credentials) {
        if (catalog.group(groupId).isEmpty()) {
            return new GenerationResult.Refused(PartnerApi.PREFIX + "product group " + groupId
                    + " does not exist; nothing was created.");
        }
        Map<Plan, Product> existing = existingPlanProducts(catalog);
        List<Plan> missingPlans = List.of(Plan.values()).stream().filter(plan -> !existing.containsKey(plan)).toList();
        if (missingPlans.isEmpty()) {
            return new GenerationResult.AlreadyExist(List.copyOf(existing.values()));
        }
        List<NewProduct> missing = missingPlans.stream()
                .map(plan -> JetpackProducts.newProduct(groupId, plan, credentials))
                .toList();
        List<Product> created;
        try {
            created = claims.createClaimed(missingPlans, id -> catalog.product(id).isPresent(),
                    () -> catalog.addProducts(missing));
        } catch (BillingException e) {
            return refused(e);
        } catch (PlanClaims.AlreadyClaimed e) {
            LOG.warn("JETPACK MODULE: the Jetpack products were not created group={}: {}", groupId, e.getMessage());
            return new GenerationResult.Refused(PartnerApi.PREFIX + "the Jetpack products were being created at the"
                    + " same time by another admin or host. Nothing was created here: reload the page to see them.");
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
