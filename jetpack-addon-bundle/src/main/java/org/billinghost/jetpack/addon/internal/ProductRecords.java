package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.jetpack.partner.Plan;

/** The addon's table of the products it created ({@value #TABLE}); timestamps in UTC. */
final class ProductRecords {
    static final String TABLE = "mod_jetpack_products";

    private final ModuleDatabase database;
    private final Clock clock;

    ProductRecords(ModuleDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records (or refreshes) that {@code productId} sells {@code plan}. */
    void record(long productId, Plan plan) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        int updated = database.update("UPDATE " + TABLE + " SET plan = ?, updated = ? WHERE product_id = ?",
                plan.slug(), now, productId);
        if (updated == 0) {
            database.update("INSERT INTO " + TABLE + " (product_id, plan, created, updated) VALUES (?, ?, ?, ?)",
                    productId, plan.slug(), now, now);
        }
    }

    /** By product id, oldest first. */
    Map<Long, ProductRecord> all() {
        Map<Long, ProductRecord> records = new LinkedHashMap<>();
        database.query("SELECT product_id, plan, created, updated FROM " + TABLE + " ORDER BY created, product_id",
                rs -> new ProductRecord(rs.getLong(1), Plan.parse(rs.getString(2)).orElseThrow(),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .forEach(r -> records.put(r.productId(), r));
        return records;
    }
}
