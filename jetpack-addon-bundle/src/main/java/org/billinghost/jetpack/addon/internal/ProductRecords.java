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

    private record Row(long productId, String plan, LocalDateTime created, LocalDateTime updated) {
    }

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

    /**
     * By product id, oldest first. A row whose plan is not one of the four (written by hand, or by a later version
     * that sells more) is left out: the products page then shows its product as "not by this addon".
     */
    Map<Long, ProductRecord> all() {
        Map<Long, ProductRecord> records = new LinkedHashMap<>();
        for (Row row : database.query("SELECT product_id, plan, created, updated FROM " + TABLE
                + " ORDER BY created, product_id", rs -> new Row(rs.getLong(1), rs.getString(2),
                rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class)))) {
            Plan.parse(row.plan()).ifPresent(plan -> records.put(row.productId(), new ProductRecord(row.productId(), plan,
                    row.created().toInstant(ZoneOffset.UTC), row.updated().toInstant(ZoneOffset.UTC))));
        }
        return records;
    }
}
