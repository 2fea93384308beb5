package org.billinghost.core.internal.orders;

import java.math.BigDecimal;

/** The range of the money columns, DECIMAL(12,2) on every database: amounts are checked against it before a write. */
public final class Money {
    /** The largest amount a DECIMAL(12,2) column holds. */
    public static final BigDecimal MAX = new BigDecimal("9999999999.99");

    private Money() {
    }

    /** True when {@code amount} is from 0 to {@link #MAX} with at most two decimals. */
    public static boolean fits(BigDecimal amount) {
        return amount.signum() >= 0 && amount.compareTo(MAX) <= 0 && amount.stripTrailingZeros().scale() <= 2;
    }
}
