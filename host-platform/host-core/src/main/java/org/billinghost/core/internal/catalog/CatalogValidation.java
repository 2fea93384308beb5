package org.billinghost.core.internal.catalog;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.core.internal.orders.Money;

/** Checks catalog input before anything is written, so that a refused change changes nothing. */
final class CatalogValidation {

    static final int CONFIG_OPTIONS = 24;
    private static final Pattern MODULE = Pattern.compile("[a-z0-9_]{0,64}");

    private CatalogValidation() {
    }

    static String name(String name, String what) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw BillingException.invalid("name", "The " + what + " name must not be empty.");
        }
        if (n.length() > 255) {
            throw BillingException.invalid("name",
                    "The " + what + " name '" + n.substring(0, 40) + "...' is longer than 255 characters.");
        }
        return n;
    }

    /**
     * The cycles match the pay type (free: none; one-time: {@code onetime} alone; recurring: one or more
     * recurring cycles, each once), every amount fits the money columns, and a price given beside the
     * pricing is the first cycle's.
     */
    private static void pricing(NewProduct p, String name) {
        List<CyclePrice> pricing = p.pricing();
        Set<BillingCycle> seen = EnumSet.noneOf(BillingCycle.class);
        for (CyclePrice price : pricing) {
            String cycle = price.cycle().code();
            if (!seen.add(price.cycle())) {
                throw BillingException.invalid(cycle, "Product '" + name + "' has two prices for the cycle " + cycle + ".");
            }
            boolean fits = switch (p.payType()) {
                case FREE -> false;
                case ONETIME -> price.cycle() == BillingCycle.ONETIME;
                case RECURRING -> price.cycle().recurring();
            };
            if (!fits) {
                throw BillingException.invalid(cycle, "Product '" + name + "' is " + p.payType().code()
                        + ": it cannot have a price for the cycle " + cycle + ".");
            }
            amount(price.price(), cycle, "The " + cycle + " price of product '" + name + "'");
            amount(price.setupFee(), price.cycle().setupFeeCode(), "The " + cycle + " setup fee of product '" + name + "'");
        }
        if (p.payType() != PayType.FREE && pricing.isEmpty()) {
            throw BillingException.invalid("paytype", "Product '" + name + "' is " + p.payType().code()
                    + ": it needs a price for at least one billing cycle.");
        }
        if (!pricing.isEmpty() && p.price().compareTo(pricing.get(0).price()) != 0) {
            throw BillingException.invalid("price", "The price " + p.price().toPlainString() + " of product '" + name
                    + "' differs from its " + pricing.get(0).cycle().code() + " price "
                    + pricing.get(0).price().toPlainString() + ": give the pricing alone.");
        }
    }

    /** An amount of money: from 0 to {@link Money#MAX}, at most two decimals. */
    static void amount(BigDecimal amount, String field, String what) {
        if (amount.signum() < 0 || amount.compareTo(Money.MAX) > 0) {
            throw BillingException.invalid(field, what + " must be between 0 and " + Money.MAX + ".");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw BillingException.invalid(field, what + " has more than two decimals.");
        }
    }

    static void product(NewProduct p) {
        String name = name(p.name(), "product");
        // a product of one price (API 2.0's price parameter) is refused by that name, one of several by its cycle's
        if (p.pricing().size() <= 1) {
            amount(p.price(), "price", "The price of product '" + name + "'");
        }
        pricing(p, name);
        if (p.welcomeEmail() != null && p.welcomeEmail() < 0) {
            throw BillingException.invalid("welcomeemail", "The welcome e-mail of product '" + name + "' is 0 (none) or"
                    + " the id of a product welcome template, not " + p.welcomeEmail() + ".");
        }
        if (!MODULE.matcher(p.module()).matches()) {
            throw BillingException.invalid("module", "The module name '" + p.module() + "' of product '" + name
                    + "' must be lower-case letters, digits or underscores.");
        }
        if (p.configOptions().size() > CONFIG_OPTIONS) {
            throw BillingException.invalid("Product '" + name + "' has " + p.configOptions().size()
                    + " config options; at most 24 are allowed.");
        }
        p.configOptions().forEach(CatalogValidation::configOption);
        Set<String> fieldNames = new HashSet<>();
        for (NewCustomField f : p.customFields()) {
            if (!fieldNames.add(customField(f))) {
                throw BillingException.invalid("Product '" + name + "' has two custom fields named '" + f.name().strip() + "'.");
            }
        }
    }

    static String configOption(String value) {
        String v = value == null ? "" : value;
        if (v.length() > 1000) {
            throw BillingException.invalid("A config option value is longer than 1000 characters.");
        }
        return v;
    }

    static int configOptionNumber(int n) {
        if (n < 1 || n > CONFIG_OPTIONS) {
            throw BillingException.invalid("Config option number " + n + " is out of range: use 1 to 24.");
        }
        return n;
    }

    /** Answers the field's trimmed name. */
    static String customField(NewCustomField f) {
        String name = name(f.name(), "custom field");
        if (f.type() == null) {
            throw BillingException.invalid("Custom field '" + name + "' has no type.");
        }
        if (f.description().length() > 1000 || f.validationRegex().length() > 1000) {
            throw BillingException.invalid("The description or validation of custom field '" + name
                    + "' is longer than 1000 characters.");
        }
        if (!f.validationRegex().isEmpty()) {
            try {
                Pattern.compile(f.validationRegex());
            } catch (PatternSyntaxException e) {
                throw BillingException.invalid("The validation of custom field '" + name + "' is not a valid regular expression: "
                        + e.getDescription() + ".");
            }
        }
        if (f.type() == CustomFieldType.DROPDOWN && f.options().isEmpty()) {
            throw BillingException.invalid("Dropdown custom field '" + name + "' needs at least one option.");
        }
        for (String option : f.options()) {
            if (option == null || option.isBlank() || option.contains(",")) {
                throw BillingException.invalid("The options of custom field '" + name
                        + "' must not be empty or contain commas.");
            }
        }
        if (joinOptions(f.options()).length() > 4000) {
            throw BillingException.invalid("The options of custom field '" + name + "' are longer than 4000 characters.");
        }
        return name;
    }

    static String joinOptions(List<String> options) {
        return String.join(",", options.stream().map(String::strip).toList());
    }
}
