package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Remembers, across restarts, that the partner credentials were changed in the addon's
 * configuration, until an admin updates the Jetpack products or chooses to keep them.
 */
final class CredentialsNotice {
    private static final String NAME = "credentials_changed";

    private final Sql sql;
    private final Clock clock;

    CredentialsNotice(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    void markChanged(List<String> changedKeys) {
        String value = String.join(",", changedKeys);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        if (sql.update("UPDATE " + AddonSchema.STATE + " SET state_value = ?, updated = ? WHERE name = ?", value, now, NAME) == 0) {
            sql.update("INSERT INTO " + AddonSchema.STATE + " (name, state_value, updated) VALUES (?, ?, ?)", NAME, value, now);
        }
    }

    boolean isPending() {
        return !sql.query("SELECT name FROM " + AddonSchema.STATE + " WHERE name = ?", rs -> rs.getString(1), NAME).isEmpty();
    }

    void clear() {
        sql.update("DELETE FROM " + AddonSchema.STATE + " WHERE name = ?", NAME);
    }
}
