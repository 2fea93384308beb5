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
import org.billinghost.api.platform.WebAddress;
import org.billinghost.core.internal.db.Jdbc;

/** Custom field values of services ({@code custom_field_values}), with the validation of new values. */
public final class CustomFieldValues {
    /** The longest value of a custom field of any type but a text area, in characters. */
    static final int MAX_LENGTH = 2_000;
    /** The longest value of a text area custom field. */
    static final int MAX_TEXTAREA_LENGTH = 10_000;
    /** Character reads a field's validation pattern may make on one value: far more than a sane pattern needs. */
    static final long MATCH_STEPS = 10_000_000;

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

    /** Deletes the service's values of the given fields ({@code keep} false) or of every other field ({@code keep} true). */
    public void delete(long serviceId, List<Long> fieldIds, boolean keep) {
        if (fieldIds.isEmpty()) {
            if (keep) {
                deleteAll(serviceId);
            }
            return;
        }
        List<Object> params = new java.util.ArrayList<>(List.of(serviceId));
        params.addAll(fieldIds);
        jdbc.update("DELETE FROM custom_field_values WHERE service_id = ? AND field_id " + (keep ? "NOT IN (" : "IN (")
                + String.join(", ", Collections.nCopies(fieldIds.size(), "?")) + ")", params.toArray());
    }

    /**
     * The values a product change gives the target product's fields: those of the same name move; admin-only
     * dropdowns take the new product's first option (that is how products preset a plan).
     */
    public static Map<Long, String> moved(Map<String, String> old, Product target) {
        Map<Long, String> moved = new HashMap<>();
        for (CustomField field : target.customFields()) {
            if (field.adminOnly() && field.type() == CustomFieldType.DROPDOWN && !field.options().isEmpty()) {
                moved.put(field.id(), field.options().get(0));
            } else if (old.containsKey(field.name())) {
                moved.put(field.id(), old.get(field.name()));
            }
        }
        return moved;
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
                throw BillingException.invalid(field.inputName(),
                        "The custom field '" + field.name() + "' can only be set by an admin");
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
                    throw BillingException.invalid(field.inputName(),
                            "The custom field '" + field.name() + "' is required");
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
        String shown = key.length() > 64 ? key.substring(0, 64) + "..." : key;
        throw BillingException.invalid("The product '" + product.name() + "' has no custom field '" + shown + "'");
    }

    /** The longest value of a field of {@code type}: checked before any other check, so no validation runs on more. */
    private static int maxLength(CustomFieldType type) {
        return type == CustomFieldType.TEXTAREA ? MAX_TEXTAREA_LENGTH : MAX_LENGTH;
    }

    private static void check(CustomField field, String value) {
        int max = maxLength(field.type());
        if (value.length() > max) {
            throw BillingException.invalid(field.inputName(),
                    "The value of the custom field '" + field.name() + "' is longer than " + max
                    + " characters");
        }
        if (value.isEmpty()) {
            if (field.required()) {
                throw BillingException.invalid(field.inputName(),
                        "The custom field '" + field.name() + "' is required");
            }
            return;
        }
        if (field.type() == CustomFieldType.DROPDOWN && !field.options().isEmpty() && !field.options().contains(value)) {
            throw BillingException.invalid(field.inputName(),
                    "The custom field '" + field.name() + "' must be one of " + field.options());
        }
        if (field.type() == CustomFieldType.LINK) {
            WebAddress.problem(value).ifPresent(problem -> {
                throw BillingException.invalid(field.inputName(),
                        "The custom field '" + field.name() + "' is not a valid web address: "
                        + problem);
            });
        }
        if (!field.validationRegex().isEmpty() && !matches(field, value)) {
            throw BillingException.invalid(field.inputName(),
                    "The value of the custom field '" + field.name() + "' is not valid");
        }
    }

    /**
     * Matches an admin's validation pattern. A pattern that needs more stack than the thread has, or
     * more steps than {@link #MATCH_STEPS} (catastrophic backtracking), does not accept the value: the
     * value is refused as not valid rather than failing the request or holding its thread.
     */
    private static boolean matches(CustomField field, String value) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(field.validationRegex());
        } catch (PatternSyntaxException e) {
            throw BillingException.invalid(field.inputName(),
                    "The custom field '" + field.name() + "' has an invalid validation pattern");
        }
        try {
            return pattern.matcher(new BoundedChars(value)).matches();
        } catch (StackOverflowError | BoundedChars.Exhausted e) {
            return false;
        }
    }

    /** A value whose characters may be read {@link #MATCH_STEPS} times in all: this bounds a pattern's work. */
    private static final class BoundedChars implements CharSequence {
        private final String value;
        private final long[] reads;

        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super("pattern matching took too many steps", null, false, false);
            }
        }

        BoundedChars(String value) {
            this(value, new long[1]);
        }

        private BoundedChars(String value, long[] reads) {
            this.value = value;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MATCH_STEPS) {
                throw new Exhausted();
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BoundedChars(value.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
