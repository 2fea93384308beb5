package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.jetpack.partner.Plan;

/** The plans provisioned by hand ({@value #TABLE}), one row per site as entered; times in UTC. */
final class ManualPlans {
    static final String TABLE = "mod_jetpack_manual_plans";

    /** One site's plan; {@code cancelled} null while it holds. */
    record ManualPlan(long id, String site, String plan, String provisionedBy, Instant provisioned, Instant cancelled) {
    }

    private final ModuleDatabase database;
    private final Clock clock;

    ManualPlans(ModuleDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    void provisioned(String site, Plan plan, String admin) {
        LocalDateTime now = now();
        database.inTransaction(() -> {
            if (database.update("UPDATE " + TABLE + " SET plan = ?, provisioned_by = ?, provisioned = ?, cancelled = NULL"
                    + " WHERE site = ?", plan.slug(), admin, now, site) == 0) {
                database.update("INSERT INTO " + TABLE + " (site, plan, provisioned_by, provisioned) VALUES (?, ?, ?, ?)",
                        site, plan.slug(), admin, now);
            }
            return null;
        });
    }

    void cancelled(long id) {
        database.update("UPDATE " + TABLE + " SET cancelled = ? WHERE id = ?", now(), id);
    }

    Optional<ManualPlan> find(long id) {
        return select(" WHERE id = ?", id).stream().findFirst();
    }

    /** Newest first. */
    List<ManualPlan> all() {
        return select(" ORDER BY provisioned DESC, id DESC");
    }

    private List<ManualPlan> select(String where, Object... params) {
        return database.query("SELECT id, site, plan, provisioned_by, provisioned, cancelled FROM " + TABLE + where,
                row -> new ManualPlan(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        Optional.ofNullable(row.getObject(6, LocalDateTime.class))
                                .map(t -> t.toInstant(ZoneOffset.UTC)).orElse(null)), params);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
