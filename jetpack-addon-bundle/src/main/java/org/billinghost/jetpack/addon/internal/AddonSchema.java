package org.billinghost.jetpack.addon.internal;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.billinghost.api.platform.ModuleDatabase;

/**
 * The addon's tables and their versioned migrations. Each migration runs once, in order, and only
 * creates or alters: activation and upgrades never drop data. Append new migrations; never edit one
 * that has been released.
 */
final class AddonSchema {
    static final String PRODUCTS = "mod_jetpack_products";
    static final String STATE = "mod_jetpack_state";
    private static final String VERSIONS = "mod_jetpack_schema";

    /** {@code %TS%} stands for the dialect's timestamp type. */
    private static final List<String> MIGRATIONS = List.of(
            "CREATE TABLE IF NOT EXISTS " + PRODUCTS + " (product_id BIGINT NOT NULL PRIMARY KEY,"
                    + " plan VARCHAR(32) NOT NULL, created %TS% NOT NULL, updated %TS% NOT NULL)",
            "CREATE TABLE IF NOT EXISTS " + STATE + " (name VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " state_value VARCHAR(1000) NOT NULL, updated %TS% NOT NULL)");

    private final Sql sql;

    AddonSchema(Sql sql) {
        this.sql = sql;
    }

    /** The schema version this code expects. */
    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Applies the migrations not applied yet; returns how many ran. Safe to call any number of times, from several hosts. */
    int migrate() {
        runOnce(() -> sql.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + VERSIONS + " (version INT NOT NULL PRIMARY KEY)");
            }
        }), () -> versionAtLeast(0));
        int applied = 0;
        for (int version = currentVersion() + 1; version <= MIGRATIONS.size(); version++) {
            String ddl = MIGRATIONS.get(version - 1).replace("%TS%", timestampType());
            int v = version;
            boolean ran = runOnce(() -> sql.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute(ddl);
                }
                try (PreparedStatement st = Sql.prepare(c, "INSERT INTO " + VERSIONS + " (version) VALUES (?)", v)) {
                    st.executeUpdate();
                }
            }), () -> versionAtLeast(v));
            applied += ran ? 1 : 0;
        }
        return applied;
    }

    /**
     * Runs an idempotent step; when it fails because another host sharing the database ran the same
     * step at the same moment (PostgreSQL refuses concurrent CREATE TABLE IF NOT EXISTS), waits for that
     * host's commit. Answers whether this call did the step.
     */
    private static boolean runOnce(Runnable step, BooleanSupplier doneElsewhere) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return true;
            } catch (StorageException e) {
                pause(100L * attempt);
                if (doneElsewhere.getAsBoolean()) {
                    return false;
                }
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private boolean versionAtLeast(int version) {
        try {
            return currentVersion() >= version;
        } catch (StorageException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int currentVersion() {
        return sql.query("SELECT MAX(version) FROM " + VERSIONS, rs -> rs.getInt(1)).get(0);
    }

    /** MariaDB's TIMESTAMP ends in 2038 and may update itself; DATETIME(3) stores what we give it. */
    private String timestampType() {
        return sql.dialect() == ModuleDatabase.Dialect.MARIADB ? "DATETIME(3)" : "TIMESTAMP";
    }
}
