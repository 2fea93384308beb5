package org.billinghost.api.module;

import java.util.List;
import java.util.Objects;

/**
 * One configuration field of an addon or one config option of a server module.
 *
 * @param key          stable key the value is stored under (addons); for server modules the
 *                     option's position gives its {@code configoptionN} name and the key is informative
 * @param label        what admins read next to the input
 * @param type         the input type
 * @param description  help text shown beside the input, may be empty
 * @param defaultValue value used when nothing was saved, may be empty; {@code "on"} for a ticked yesno
 * @param size         input width in characters (text, password), rows (textarea), 0 for the default
 * @param options      choices of dropdown and radio fields, empty otherwise
 */
public record ConfigField(String key, String label, FieldType type, String description,
                          String defaultValue, int size, List<String> options) {

    public ConfigField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        label = label == null ? key : label;
        description = description == null ? "" : description;
        defaultValue = defaultValue == null ? "" : defaultValue;
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static ConfigField text(String key, String label, String description) {
        return new ConfigField(key, label, FieldType.TEXT, description, "", 25, List.of());
    }

    public static ConfigField password(String key, String label, String description) {
        return new ConfigField(key, label, FieldType.PASSWORD, description, "", 25, List.of());
    }

    public static ConfigField yesNo(String key, String label, String description) {
        return new ConfigField(key, label, FieldType.YESNO, description, "", 0, List.of());
    }

    public static ConfigField textarea(String key, String label, String description, int rows) {
        return new ConfigField(key, label, FieldType.TEXTAREA, description, "", rows, List.of());
    }

    public static ConfigField dropdown(String key, String label, String description, List<String> options) {
        return new ConfigField(key, label, FieldType.DROPDOWN, description, options.isEmpty() ? "" : options.get(0), 0, options);
    }

    public static ConfigField radio(String key, String label, String description, List<String> options) {
        return new ConfigField(key, label, FieldType.RADIO, description, options.isEmpty() ? "" : options.get(0), 0, options);
    }
}
