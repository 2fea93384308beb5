package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.billinghost.api.platform.ModuleDatabase;

/**
 * Remembers, across restarts, that the partner credentials were changed in the addon's
 * configuration, until an admin updates the Jetpack products or chooses to keep them.
 */
final class CredentialsNotice {
    static final String TABLE = "mod_jetpack_state";
    private static final String NAME = "credentials_changed";

    private final ModuleDatabase database;
    private final Clock clock;

    CredentialsNotice(ModuleDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    void markChanged(List<String> changedKeys) {
        String value = String.join(",", changedKeys);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        if (database.update("UPDATE " + TABLE + " SET state_value = ?, updated = ? WHERE name = ?", value, now, NAME) == 0) {
            database.update("INSERT INTO " + TABLE + " (name, state_value, updated) VALUES (?, ?, ?)", NAME, value, now);
        }
    }

    boolean isPending() {
        return !database.query("SELECT name FROM " + TABLE + " WHERE name = ?", rs -> rs.getString(1), NAME).isEmpty();
    }

    void clear() {
        database.update("DELETE FROM " + TABLE + " WHERE name = ?", NAME);
    }

    /** Runs {@code change} (e.g. the host catalog's updates) and clears the notice, all in one transaction. */
    void clearAfter(Runnable change) {
        database.inTransaction(() -> {
            change.run();
            clear();
            return null;
        });
    }
}
