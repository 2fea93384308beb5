package org.billinghost.api.platform;

import java.util.List;

/**
 * A product's custom field (WHMCS's {@code tblcustomfields}).
 *
 * @param options          choices of a dropdown; for an admin-only dropdown the first option is
 *                         the value every new service starts with (how a product presets a value)
 * @param validationRegex  a Java regular expression the whole value must match, empty for none
 */
public record CustomField(long id, long productId, String name, CustomFieldType type, String description,
                          String validationRegex, List<String> options, boolean adminOnly, boolean required,
                          boolean showOnOrderForm, boolean showOnInvoice, int sortOrder) {
    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
        description = description == null ? "" : description;
        validationRegex = validationRegex == null ? "" : validationRegex;
    }

    /**
     * The input name a refusal about this field carries in
     * {@link org.billinghost.api.billing.BillingException#field()}: {@code customfields[ID]}, the
     * field's id as the API's {@code customfields} array keys it; forms map it to their own field.
     *
     * @since 2.0
     */
    public String inputName() {
        return "customfields[" + id + "]";
    }
}
