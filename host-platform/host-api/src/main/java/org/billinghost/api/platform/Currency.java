package org.billinghost.api.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The host's currency (one for now): its ISO 4217 code and what is printed before and after an amount.
 *
 * @since 2.1
 */
public record Currency(String code, String prefix, String suffix) {
    public Currency {
        code = code == null ? "" : code;
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    /** {@code $9.95 USD}: the amount with two decimals between prefix and suffix. */
    public String format(BigDecimal amount) {
        return prefix + amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + suffix;
    }
}
