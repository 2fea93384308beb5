package org.billinghost.core.internal.db;

import java.util.Optional;

/** Host-wide named values in the {@code settings} table. */
public final class Settings {

    private final Jdbc jdbc;

    public Settings(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String name) {
        return jdbc.queryOne("SELECT setting_value FROM settings WHERE name = ?", rs -> rs.getString(1), name);
    }

    public boolean flag(String name) {
        return get(name).map(Boolean::parseBoolean).orElse(false);
    }

    public void put(String name, String value) {
        jdbc.inTransaction(() -> {
            if (jdbc.update("UPDATE settings SET setting_value = ? WHERE name = ?", value, name) == 0) {
                jdbc.update("INSERT INTO settings (name, setting_value) VALUES (?, ?)", name, value);
            }
            return null;
        });
    }
}
