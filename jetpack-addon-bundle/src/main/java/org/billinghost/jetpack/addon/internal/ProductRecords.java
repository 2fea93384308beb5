package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.billinghost.jetpack.partner.Plan;

/** The addon's table of the products it created ({@value AddonSchema#PRODUCTS}); timestamps in UTC. */
final class ProductRecords {
    private final Sql sql;
    private final Clock clock;

    ProductRecords(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Records (or refreshes) that {@code productId} sells {@code plan}. */
    void record(long productId, Plan plan) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        int updated = sql.update("UPDATE " + AddonSchema.PRODUCTS + " SET plan = ?, updated = ? WHERE product_id = ?",
                plan.slug(), now, productId);
        if (updated == 0) {
            sql.update("INSERT INTO " + AddonSchema.PRODUCTS + " (product_id, plan, created, updated) VALUES (?, ?, ?, ?)",
                    productId, plan.slug(), now, now);
        }
    }

    /** By product id, oldest first. */
    Map<Long, ProductRecord> all() {
        Map<Long, ProductRecord> records = new LinkedHashMap<>();
        sql.query("SELECT product_id, plan, created, updated FROM " + AddonSchema.PRODUCTS + " ORDER BY created, product_id",
                rs -> new ProductRecord(rs.getLong(1), Plan.parse(rs.getString(2)).orElseThrow(),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .forEach(r -> records.put(r.productId(), r));
        return records;
    }
}
