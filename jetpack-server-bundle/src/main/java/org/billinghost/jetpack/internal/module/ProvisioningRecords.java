package org.billinghost.jetpack.internal.module;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.jetpack.internal.module.ProvisioningRecord.State;

/** The module's table of provisioning records ({@value #TABLE}), one row per service; times in UTC. */
final class ProvisioningRecords {
    static final String TABLE = "mod_jetpack_provisioning";
    /** The column's size: a longer message is cut. */
    static final int MAX_ERROR_LENGTH = 2_000;

    private final ModuleDatabase database;
    private final Clock clock;

    ProvisioningRecords(ModuleDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    Optional<ProvisioningRecord> find(long serviceId) {
        return database.query("SELECT service_id, site, blog_id, plan, state, provisioned_at, cancelled_at, last_error"
                + " FROM " + TABLE + " WHERE service_id = ?", row -> new ProvisioningRecord(row.getLong(1), row.getString(2),
                row.getLong(3), row.getString(4), State.valueOf(row.getString(5)),
                instant(row.getObject(6, LocalDateTime.class)), instant(row.getObject(7, LocalDateTime.class)),
                text(row.getString(8))), serviceId).stream().findFirst();
    }

    /** The blog id a status call gave for the recorded site (nothing when the service has no record for it). */
    void blogId(long serviceId, String site, long blogId) {
        database.update("UPDATE " + TABLE + " SET blog_id = ?, updated = ? WHERE service_id = ? AND site = ?",
                blogId, now(), serviceId, site);
    }

    /** The plan is on {@code site} now (PROVISIONED or WAITING); the last error is cleared. */
    void provisioned(long serviceId, String site, String plan, State state) {
        LocalDateTime now = now();
        upsert(serviceId, "UPDATE " + TABLE + " SET site = ?, plan = ?, state = ?, provisioned_at = ?, cancelled_at = NULL,"
                        + " last_error = NULL, updated = ? WHERE service_id = ?",
                new Object[] {site, plan, state.name(), now, now, serviceId},
                new Object[] {serviceId, site, plan, state.name(), now, null, null, now});
    }

    /** The plan of the recorded site was cancelled. */
    void cancelled(long serviceId, String site, String plan) {
        LocalDateTime now = now();
        upsert(serviceId, "UPDATE " + TABLE + " SET state = ?, cancelled_at = ?, last_error = NULL, updated = ?"
                        + " WHERE service_id = ?",
                new Object[] {State.CANCELLED.name(), now, now, serviceId},
                new Object[] {serviceId, site, plan, State.CANCELLED.name(), null, now, null, now});
    }

    /**
     * A command failed: the message is kept; a service without a record gets one in state FAILED
     * for {@code site}, a record keeps its site and state (what is on the site did not change).
     */
    void failed(long serviceId, String site, String plan, String error) {
        LocalDateTime now = now();
        String cut = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        upsert(serviceId, "UPDATE " + TABLE + " SET last_error = ?, updated = ? WHERE service_id = ?",
                new Object[] {cut, now, serviceId},
                new Object[] {serviceId, site, plan, State.FAILED.name(), null, null, cut, now});
    }

    private void upsert(long serviceId, String update, Object[] updateParams, Object[] insertParams) {
        database.inTransaction(() -> {
            if (database.update(update, updateParams) == 0) {
                database.update("INSERT INTO " + TABLE + " (service_id, site, plan, state, provisioned_at, cancelled_at,"
                        + " last_error, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", insertParams);
            }
            return null;
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
