package org.billinghost.api.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a product costs on one billing cycle: the price of a period and the setup fee charged with the
 * first one. A one-time product has one entry of cycle {@link BillingCycle#ONETIME}; a free product none.
 *
 * @since 2.1
 */
public record CyclePrice(BillingCycle cycle, BigDecimal price, BigDecimal setupFee) {
    public CyclePrice {
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(price, "price");
        setupFee = setupFee == null ? BigDecimal.ZERO : setupFee;
    }

    /**
     * The pricing of a product of API 2.0, which had one price: none for a free product, that price
     * once for a one-time product, that price monthly for a recurring one.
     */
    public static List<CyclePrice> of(PayType payType, BigDecimal price) {
        BigDecimal amount = price == null ? BigDecimal.ZERO : price;
        return switch (payType == null ? PayType.FREE : payType) {
            case FREE -> List.of();
            case ONETIME -> List.of(new CyclePrice(BillingCycle.ONETIME, amount, BigDecimal.ZERO));
            case RECURRING -> List.of(new CyclePrice(BillingCycle.MONTHLY, amount, BigDecimal.ZERO));
        };
    }

    /** What the first period costs: its price and the setup fee. */
    public BigDecimal firstPayment() {
        return price.add(setupFee);
    }
}
