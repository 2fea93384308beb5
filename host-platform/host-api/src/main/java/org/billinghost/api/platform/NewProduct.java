package org.billinghost.api.platform;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A product to create or the new state of a product being edited (custom fields are edited apart).
 *
 * @param price   the price of API 2.0's single-price products: with {@code pricing} null it is priced as
 *                {@link CyclePrice#of(PayType, BigDecimal)} says; with {@code pricing} given it is refused
 *                unless it is null or the first cycle's price
 * @param pricing (since 2.1) the cycles the product is sold on with their prices and setup fees (kept shortest first)
 * @param welcomeEmail (since 2.2) as {@link Product#welcomeEmail()}: null the default welcome template (also what
 *                an earlier constructor gives, on an update too), 0 none, otherwise an added template's id
 */
public record NewProduct(long groupId, String name, String description, ProductType type, boolean hidden,
                         PayType payType, BigDecimal price, String module, List<String> configOptions,
                         AutoSetup autoSetup, List<NewCustomField> customFields, List<CyclePrice> pricing,
                         Long welcomeEmail) {
    public NewProduct {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        type = type == null ? ProductType.OTHER : type;
        payType = payType == null ? PayType.FREE : payType;
        module = module == null ? "" : module;
        configOptions = configOptions == null ? List.of() : List.copyOf(configOptions);
        autoSetup = autoSetup == null ? AutoSetup.MANUAL : autoSetup;
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        if (pricing == null) {
            price = price == null ? BigDecimal.ZERO : price;
            pricing = CyclePrice.of(payType, price);
        } else {
            pricing = pricing.stream().sorted(Comparator.comparing(CyclePrice::cycle)).toList();
            if (price == null) {
                price = pricing.isEmpty() ? BigDecimal.ZERO : pricing.get(0).price();
            }
        }
    }

    /** A product of API 2.1, with the default welcome e-mail. */
    public NewProduct(long groupId, String name, String description, ProductType type, boolean hidden,
                      PayType payType, BigDecimal price, String module, List<String> configOptions,
                      AutoSetup autoSetup, List<NewCustomField> customFields, List<CyclePrice> pricing) {
        this(groupId, name, description, type, hidden, payType, price, module, configOptions, autoSetup, customFields,
                pricing, null);
    }

    /** A product of API 2.0: one price, priced as {@link CyclePrice#of(PayType, BigDecimal)} says. */
    public NewProduct(long groupId, String name, String description, ProductType type, boolean hidden,
                      PayType payType, BigDecimal price, String module, List<String> configOptions,
                      AutoSetup autoSetup, List<NewCustomField> customFields) {
        this(groupId, name, description, type, hidden, payType, price, module, configOptions, autoSetup, customFields,
                null, null);
    }
}
