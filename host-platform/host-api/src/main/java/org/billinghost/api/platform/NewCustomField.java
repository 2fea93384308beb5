package org.billinghost.api.platform;

import java.util.List;

/** A custom field to add to a product; see {@link CustomField} for the meaning of each part. */
public record NewCustomField(String name, CustomFieldType type, String description, String validationRegex,
                             List<String> options, boolean adminOnly, boolean required, boolean showOnOrderForm,
                             boolean showOnInvoice) {
    public NewCustomField {
        options = options == null ? List.of() : List.copyOf(options);
        description = description == null ? "" : description;
        validationRegex = validationRegex == null ? "" : validationRegex;
    }

    public static NewCustomField text(String name, String description, boolean required, boolean showOnOrderForm) {
        return new NewCustomField(name, CustomFieldType.TEXT, description, "", List.of(), false, required,
                showOnOrderForm, false);
    }

    public static NewCustomField adminOnly(String name, CustomFieldType type, String description, List<String> options) {
        return new NewCustomField(name, type, description, "", options, true, false, false, false);
    }

    public NewCustomField withValidation(String regex) {
        return new NewCustomField(name, type, description, regex, options, adminOnly, required, showOnOrderForm,
                showOnInvoice);
    }
}
