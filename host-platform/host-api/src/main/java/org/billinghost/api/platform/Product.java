package org.billinghost.api.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product (WHMCS's {@code tblproducts}) with its module settings.
 *
 * @param module        the server module's name, empty for none
 * @param configOptions configoption1..24 in order (always 24 entries, empty strings where unset)
 */
public record Product(long id, long groupId, String name, String description, ProductType type, boolean hidden,
                      PayType payType, BigDecimal price, String module, List<String> configOptions,
                      AutoSetup autoSetup, List<CustomField> customFields) {
    public Product {
        configOptions = List.copyOf(configOptions);
        customFields = List.copyOf(customFields);
    }
}
