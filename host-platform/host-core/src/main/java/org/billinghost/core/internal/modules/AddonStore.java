package org.billinghost.core.internal.modules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.RowMapper;

/** The {@code addon_modules} and {@code addon_settings} tables; rows stay when an addon's bundle is gone. */
final class AddonStore {
    /** Stored state of one addon. */
    record State(String name, boolean active, String installedVersion, List<String> accessRoles) {
    }

    /** A stored setting; {@code secret} keeps masking it while the addon that declared it is gone. */
    record Setting(String value, boolean secret) {
    }

    private static final RowMapper<State> STATE = rs -> new State(rs.getString("name"), rs.getBoolean("active"),
            rs.getString("installed_version"), roles(rs.getString("access_roles")));

    private final Jdbc jdbc;

    AddonStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<State> state(String name) {
        return jdbc.queryOne("SELECT name, active, installed_version, access_roles FROM addon_modules WHERE name = ?",
                STATE, name);
    }

    List<State> all() {
        return jdbc.query("SELECT name, active, installed_version, access_roles FROM addon_modules ORDER BY name", STATE);
    }

    void save(State state) {
        long now = System.currentTimeMillis();
        String roles = String.join("\n", state.accessRoles());
        if (jdbc.update("UPDATE addon_modules SET active = ?, installed_version = ?, access_roles = ?, updated = ?"
                + " WHERE name = ?", state.active(), state.installedVersion(), roles, now, state.name()) == 0) {
            jdbc.update("INSERT INTO addon_modules (name, active, installed_version, access_roles, updated)"
                    + " VALUES (?, ?, ?, ?, ?)", state.name(), state.active(), state.installedVersion(), roles, now);
        }
    }

    /** Records a new installed version only if the stored one is still {@code previous}; true for the one caller that did. */
    boolean compareAndSetVersion(String name, String previous, String version) {
        return jdbc.update("UPDATE addon_modules SET installed_version = ?, updated = ? WHERE name = ? AND installed_version = ?",
                version, System.currentTimeMillis(), name, previous) == 1;
    }

    Map<String, Setting> settings(String module) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        jdbc.query("SELECT setting, setting_value, secret FROM addon_settings WHERE module = ? ORDER BY setting",
                rs -> settings.put(rs.getString(1), new Setting(rs.getString(2), rs.getBoolean(3))), module);
        return settings;
    }

    void putSetting(String module, String key, Setting setting) {
        if (jdbc.update("UPDATE addon_settings SET setting_value = ?, secret = ? WHERE module = ? AND setting = ?",
                setting.value(), setting.secret(), module, key) == 0) {
            jdbc.update("INSERT INTO addon_settings (module, setting, setting_value, secret) VALUES (?, ?, ?, ?)",
                    module, key, setting.value(), setting.secret());
        }
    }

    private static List<String> roles(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n"));
    }
}
