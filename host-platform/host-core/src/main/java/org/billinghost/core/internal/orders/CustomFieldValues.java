package org.billinghost.core.internal.orders;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.db.Jdbc;

/** Custom field values of services ({@code custom_field_values}), with the validation of new values. */
public final class CustomFieldValues {
    private static final String VALUE = "field_value";

    private final Jdbc jdbc;

    public CustomFieldValues(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The service's values by field name, for every field of the product (empty string when unset). */
    public Map<String, String> byName(long serviceId, Product product) {
        return named(stored(List.of(serviceId)).getOrDefault(serviceId, Map.of()), product);
    }

    /** The stored values of several services in one query: by service id, then by field id. */
    public Map<Long, Map<Long, String>> stored(List<Long> serviceIds) {
        Map<Long, Map<Long, String>> stored = new HashMap<>();
        if (serviceIds.isEmpty()) {
            return stored;
        }
        String marks = String.join(", ", Collections.nCopies(serviceIds.size(), "?"));
        jdbc.query("SELECT service_id, field_id, " + VALUE + " FROM custom_field_values WHERE service_id IN (" + marks + ")",
                rs -> stored.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getLong(2), rs.getString(3)),
                serviceIds.toArray());
        return stored;
    }

    /** Values by field name, for every field of the product (empty string when unset). */
    public static Map<String, String> named(Map<Long, String> stored, Product product) {
        Map<String, String> values = new LinkedHashMap<>();
        for (CustomField field : product.customFields()) {
            String value = stored.get(field.id());
            values.put(field.name(), value == null ? "" : value);
        }
        return values;
    }

    /** Stores one value of one service (insert or replace). */
    public void put(long fieldId, long serviceId, String value) {
        int updated = jdbc.update("UPDATE custom_field_values SET " + VALUE + " = ? WHERE field_id = ? AND service_id = ?",
                value, fieldId, serviceId);
        if (updated == 0) {
            jdbc.update("INSERT INTO custom_field_values (field_id, service_id, " + VALUE + ") VALUES (?, ?, ?)",
                    fieldId, serviceId, value);
        }
    }

    public void putAll(long serviceId, Map<Long, String> valuesByFieldId) {
        valuesByFieldId.forEach((fieldId, value) -> put(fieldId, serviceId, value));
    }

    public void deleteAll(long serviceId) {
        jdbc.update("DELETE FROM custom_field_values WHERE service_id = ?", serviceId);
    }

    /**
     * Checks submitted values (keyed by field id or name) against the product's fields and answers
     * them by field id. For a new service, required fields must be present and an admin-only
     * dropdown without a value starts with its first option.
     */
    public static Map<Long, String> validate(Product product, Map<String, String> submitted, boolean byAdmin,
                                             boolean newService) {
        Map<Long, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : submitted.entrySet()) {
            CustomField field = find(product, entry.getKey());
            if (field.adminOnly() && !byAdmin) {
                throw BillingException.invalid("The custom field '" + field.name() + "' can only be set by an admin");
            }
            String value = entry.getValue() == null ? "" : entry.getValue();
            check(field, value);
            values.put(field.id(), value);
        }
        if (newService) {
            for (CustomField field : product.customFields()) {
                if (values.containsKey(field.id())) {
                    continue;
                }
                if (field.adminOnly() && field.type() == CustomFieldType.DROPDOWN && !field.options().isEmpty()) {
                    values.put(field.id(), field.options().get(0));
                } else if (field.required()) {
                    throw BillingException.invalid("The custom field '" + field.name() + "' is required");
                }
            }
        }
        return values;
    }

    /** The field of the product with that id (decimal string) or name. */
    public static CustomField find(Product product, String key) {
        List<CustomField> fields = product.customFields();
        for (CustomField field : fields) {
            if (field.name().equals(key) || Long.toString(field.id()).equals(key)) {
                return field;
            }
        }
        throw BillingException.invalid("The product '" + product.name() + "' has no custom field '" + key + "'");
    }

    private static void check(CustomField field, String value) {
        if (value.isEmpty()) {
            if (field.required()) {
                throw BillingException.invalid("The custom field '" + field.name() + "' is required");
            }
            return;
        }
        if (field.type() == CustomFieldType.DROPDOWN && !field.options().isEmpty() && !field.options().contains(value)) {
            throw BillingException.invalid("The custom field '" + field.name() + "' must be one of " + field.options());
        }
        if (!field.validationRegex().isEmpty() && !matches(field, value)) {
            throw BillingException.invalid("The value of the custom field '" + field.name() + "' is not valid");
        }
    }

    private static boolean matches(CustomField field, String value) {
        try {
            return Pattern.compile(field.validationRegex()).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw BillingException.invalid("The custom field '" + field.name() + "' has an invalid validation pattern");
        }
    }
}
