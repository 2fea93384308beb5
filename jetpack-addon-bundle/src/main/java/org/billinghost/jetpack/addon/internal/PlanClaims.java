package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.Product;
import org.billinghost.jetpack.partner.Plan;

/**
 * One row per plan the addon created a product for ({@value #TABLE}, key: the plan). Creating the products and
 * claiming their plans is one transaction, so of two hosts creating them at once only one commits.
 */
final class PlanClaims {
    static final String TABLE = "mod_jetpack_plan_products";

    /** Another transaction claimed a plan first. */
    static final class AlreadyClaimed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyClaimed(DatabaseException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final ModuleDatabase database;
    private final Clock clock;

    PlanClaims(ModuleDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Runs {@code create} (the catalog's transaction joins this one) and claims the plan of every product it made;
     * a plan claimed by a product that no longer exists ({@code exists} false) is released first.
     *
     * @throws AlreadyClaimed when a plan is claimed already (by another host): nothing was created
     */
    List<Product> createClaimed(List<Plan> plans, LongPredicate exists, Supplier<List<Product>> create) {
        return database.inTransaction(() -> {
            for (Plan plan : plans) {
                for (long stale : database.query("SELECT product_id FROM " + TABLE + " WHERE plan = ?",
                        row -> row.getLong(1), plan.slug())) {
                    if (!exists.test(stale)) {
                        database.update("DELETE FROM " + TABLE + " WHERE plan = ? AND product_id = ?", plan.slug(), stale);
                    }
                }
            }
            List<Product> created = create.get();
            LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
            for (Product product : created) {
                try {
                    database.update("INSERT INTO " + TABLE + " (plan, product_id, created) VALUES (?, ?, ?)",
                            JetpackProducts.planOf(product).orElseThrow().slug(), product.id(), now);
                } catch (DatabaseException e) {
                    // thrown out of the transaction, so the catalog's products are rolled back too
                    throw new AlreadyClaimed(e);
                }
            }
            return created;
        });
    }
}
