package org.billinghost.api.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A product (WHMCS's {@code tblproducts}) with its module settings.
 *
 * @param price         the price of the first cycle in {@code pricing} (zero for a free product)
 * @param module        the server module's name, empty for none
 * @param configOptions configoption1..24 in order (always 24 entries, empty strings where unset)
 * @param pricing       (since 2.1) the cycles the product is sold on, shortest first, with their prices
 * @param welcomeEmail  (since 2.2) the welcome e-mail its services get once set up: null the host's default
 *                      product welcome template, 0 none, otherwise the id of a product welcome template an admin
 *                      added (WHMCS's {@code welcomeemail})
 */
public record Product(long id, long groupId, String name, String description, ProductType type, boolean hidden,
                      PayType payType, BigDecimal price, String module, List<String> configOptions,
                      AutoSetup autoSetup, List<CustomField> customFields, List<CyclePrice> pricing, Long welcomeEmail) {
    public Product {
        configOptions = List.copyOf(configOptions);
        customFields = List.copyOf(customFields);
        pricing = pricing == null ? CyclePrice.of(payType, price) : List.copyOf(pricing);
    }

    /** A product of API 2.1, with the default welcome e-mail. */
    public Product(long id, long groupId, String name, String description, ProductType type, boolean hidden,
                   PayType payType, BigDecimal price, String module, List<String> configOptions,
                   AutoSetup autoSetup, List<CustomField> customFields, List<CyclePrice> pricing) {
        this(id, groupId, name, description, type, hidden, payType, price, module, configOptions, autoSetup,
                customFields, pricing, null);
    }

    /** A product of API 2.0, priced as {@link CyclePrice#of(PayType, BigDecimal)} says. */
    public Product(long id, long groupId, String name, String description, ProductType type, boolean hidden,
                   PayType payType, BigDecimal price, String module, List<String> configOptions,
                   AutoSetup autoSetup, List<CustomField> customFields) {
        this(id, groupId, name, description, type, hidden, payType, price, module, configOptions, autoSetup,
                customFields, null);
    }

    /** The cycles a customer may order: {@link BillingCycle#FREE} alone for a free product. */
    public List<BillingCycle> cycles() {
        return payType == PayType.FREE ? List.of(BillingCycle.FREE) : pricing.stream().map(CyclePrice::cycle).toList();
    }

    /** The price on {@code cycle}; empty when the product is not sold on it (free: a zero price on FREE). */
    public Optional<CyclePrice> priceOn(BillingCycle cycle) {
        if (payType == PayType.FREE) {
            return cycle == BillingCycle.FREE ? Optional.of(new CyclePrice(cycle, BigDecimal.ZERO, BigDecimal.ZERO))
                    : Optional.empty();
        }
        return pricing.stream().filter(p -> p.cycle() == cycle).findFirst();
    }
}
