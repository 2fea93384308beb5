package org.billinghost.api.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A product to create or the new state of a product being edited (custom fields are edited apart). */
public record NewProduct(long groupId, String name, String description, ProductType type, boolean hidden,
                         PayType payType, BigDecimal price, String module, List<String> configOptions,
                         AutoSetup autoSetup, List<NewCustomField> customFields) {
    public NewProduct {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        type = type == null ? ProductType.OTHER : type;
        payType = payType == null ? PayType.FREE : payType;
        price = price == null ? BigDecimal.ZERO : price;
        module = module == null ? "" : module;
        configOptions = configOptions == null ? List.of() : List.copyOf(configOptions);
        autoSetup = autoSetup == null ? AutoSetup.MANUAL : autoSetup;
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
    }
}
