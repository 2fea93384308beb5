package org.billinghost.httpapi.internal.actions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Currency;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/**
 * WHMCS's {@code pricing} block: per currency, {@code msetupfee}…{@code tsetupfee} and {@code monthly}…
 * {@code triennially}, {@code -1.00} for a cycle not offered. A one-time product keeps its price in
 * {@code monthly} and its setup fee in {@code msetupfee}, as WHMCS does.
 */
final class WhmcsPricing {
    private static final String NOT_OFFERED = "-1.00";
    /** The id WHMCS gives its default currency, accepted as the currency key of AddProduct's pricing. */
    private static final String DEFAULT_CURRENCY_ID = "1";
    private static final int MAX_ENTRIES = 64;

    private WhmcsPricing() {
    }

    /** GetProducts' {@code pricing}: {@code {"USD": {"prefix": "$", …, "monthly": "9.95", …}}}. */
    static Map<String, Object> reply(Product product, Currency currency) {
        Map<String, Object> prices = new LinkedHashMap<>();
        prices.put("prefix", currency.prefix());
        prices.put("suffix", currency.suffix());
        List<BillingCycle> recurring = recurringCycles();
        for (BillingCycle cycle : recurring) {
            prices.put(cycle.setupFeeCode(), amountOn(product, cycle, true));
        }
        for (BillingCycle cycle : recurring) {
            prices.put(cycle.code(), amountOn(product, cycle, false));
        }
        return Map.of(currency.code(), prices);
    }

    private static String amountOn(Product product, BillingCycle cycle, boolean setupFee) {
        // a one-time product answers in the monthly columns
        BillingCycle stored = product.payType() == PayType.ONETIME && cycle == BillingCycle.MONTHLY ? BillingCycle.ONETIME
                : cycle;
        return product.priceOn(stored).map(p -> Formats.amount(setupFee ? p.setupFee() : p.price())).orElse(NOT_OFFERED);
    }

    /**
     * AddProduct's {@code pricing[currency][field]} (form fields or JSON): empty when absent, so the
     * product takes {@code price}. The currency is the host's (its code, or WHMCS's default id 1); a
     * field that is no cycle or setup fee, a setup fee of a cycle not offered, or a price for a product
     * that takes none is refused by its name.
     */
    static Optional<List<CyclePrice>> parse(ApiRequest r, PayType payType, Currency currency) {
        Object pricing = r.raw("pricing");
        if (pricing == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten(pricing, "", fields);
        Map<BillingCycle, BigDecimal> prices = new EnumMap<>(BillingCycle.class);
        Map<BillingCycle, BigDecimal> fees = new EnumMap<>(BillingCycle.class);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String[] path = field.getKey().split("\\]\\[|\\[|\\]", -1);
            List<String> parts = new ArrayList<>();
            for (String part : path) {
                if (!part.isEmpty()) {
                    parts.add(part.toLowerCase(Locale.ROOT));
                }
            }
            String name = "pricing[" + String.join("][", parts) + "]";
            if (parts.size() != 2) {
                throw ApiError.invalid("Parameter " + name + " must be pricing[currency][cycle or setup fee]");
            }
            if (!parts.get(0).equals(DEFAULT_CURRENCY_ID) && !parts.get(0).equalsIgnoreCase(currency.code())) {
                throw ApiError.invalid("Parameter " + name + ": this host sells in " + currency.code()
                        + " only (currency " + currency.code() + " or 1)");
            }
            String value = field.getValue().trim();
            boolean offered = !value.isEmpty() && !value.startsWith("-");
            Optional<BillingCycle> fee = recurringCycles().stream().filter(c -> c.setupFeeCode().equals(parts.get(1)))
                    .findFirst();
            Optional<BillingCycle> cycle = recurringCycles().stream().filter(c -> c.code().equals(parts.get(1)))
                    .findFirst();
            if (fee.isEmpty() && cycle.isEmpty()) {
                throw ApiError.invalid("Parameter " + name + " must name a cycle (monthly … triennially) or a setup"
                        + " fee (msetupfee … tsetupfee)");
            }
            if (offered) {
                (fee.isPresent() ? fees : prices).put(fee.orElseGet(cycle::get), ApiRequest.amount(value, name));
            }
        }
        return Optional.of(cyclePrices(payType, prices, fees));
    }

    private static List<CyclePrice> cyclePrices(PayType payType, Map<BillingCycle, BigDecimal> prices,
                                                Map<BillingCycle, BigDecimal> fees) {
        for (BillingCycle cycle : fees.keySet()) {
            if (!prices.containsKey(cycle)) {
                throw ApiError.invalid("Parameter pricing[" + cycle.setupFeeCode() + "] is a setup fee of "
                        + cycle.code() + ", which has no price (a cycle not offered is -1.00)");
            }
        }
        if (payType == PayType.FREE && !prices.isEmpty()) {
            throw ApiError.invalid("Parameter pricing: a free product (paytype free) has no prices");
        }
        if (payType == PayType.ONETIME) {
            if (prices.size() != 1 || !prices.containsKey(BillingCycle.MONTHLY)) {
                throw ApiError.invalid("Parameter pricing: a one-time product has its price in monthly and its"
                        + " setup fee in msetupfee, nothing else");
            }
            return List.of(new CyclePrice(BillingCycle.ONETIME, prices.get(BillingCycle.MONTHLY),
                    fees.get(BillingCycle.MONTHLY)));
        }
        return prices.entrySet().stream().map(e -> new CyclePrice(e.getKey(), e.getValue(), fees.get(e.getKey())))
                .toList();
    }

    /** Form fields {@code pricing[1][monthly]} arrive as the key {@code 1][monthly}; JSON as nested objects. */
    private static void flatten(Object node, String path, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                flatten(e.getValue(), path + "[" + e.getKey() + "]", into);
            }
        } else if (into.size() >= MAX_ENTRIES) {
            throw ApiError.invalid("Parameter pricing has more than " + MAX_ENTRIES + " entries");
        } else {
            into.put(path, node == null ? "" : String.valueOf(node));
        }
    }

    private static List<BillingCycle> recurringCycles() {
        return List.of(BillingCycle.MONTHLY, BillingCycle.QUARTERLY, BillingCycle.SEMIANNUALLY, BillingCycle.ANNUALLY,
                BillingCycle.BIENNIALLY, BillingCycle.TRIENNIALLY);
    }
}
