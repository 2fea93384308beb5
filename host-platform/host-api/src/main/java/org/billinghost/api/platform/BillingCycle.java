package org.billinghost.api.platform;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a service is billed, with WHMCS's names: {@link #code()} is the API's {@code billingcycle}
 * value ({@code monthly}), {@link #label()} what WHMCS stores and shows ({@code Monthly}).
 *
 * @since 2.1
 */
public enum BillingCycle {
    FREE("free", "Free Account", 0),
    ONETIME("onetime", "One Time", 0),
    MONTHLY("monthly", "Monthly", 1),
    QUARTERLY("quarterly", "Quarterly", 3),
    SEMIANNUALLY("semiannually", "Semi-Annually", 6),
    ANNUALLY("annually", "Annually", 12),
    BIENNIALLY("biennially", "Biennially", 24),
    TRIENNIALLY("triennially", "Triennially", 36);

    private final String code;
    private final String label;
    private final int months;

    BillingCycle(String code, String label, int months) {
        this.code = code;
        this.label = label;
        this.months = months;
    }

    public String code() {
        return code;
    }

    /**
     * WHMCS's name of this cycle's setup fee in a pricing block: {@code msetupfee}…{@code tsetupfee}; a one-time
     * product's is {@code msetupfee}, as WHMCS keeps its one price in the monthly column.
     */
    public String setupFeeCode() {
        return (months <= 1 ? 'm' : code.charAt(0)) + "setupfee";
    }

    public String label() {
        return label;
    }

    /** The length of one period in months; 0 for free and one-time, which never renew. */
    public int months() {
        return months;
    }

    public boolean recurring() {
        return months > 0;
    }

    /** The cycle named by its code or its label, ignoring case and blanks ("Semi-Annually", "semiannually"). */
    public static Optional<BillingCycle> of(String name) {
        if (name == null || name.length() > 32) {
            return Optional.empty();
        }
        String key = name.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        for (BillingCycle cycle : values()) {
            if (cycle.code.equals(key) || cycle.label.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }

    /**
     * The start of the period after the one starting at {@code from}: one cycle later on the billing
     * day {@code day} (1..31) where the month has it, its last day otherwise, so a subscription taken on
     * 31 January falls due on 28 or 29 February and again on 31 March.
     *
     * @throws IllegalStateException for a cycle that does not recur
     */
    public LocalDate next(LocalDate from, int day) {
        if (!recurring()) {
            throw new IllegalStateException(label + " does not recur");
        }
        LocalDate month = from.withDayOfMonth(1).plusMonths(months);
        return month.withDayOfMonth(Math.min(Math.max(day, 1), month.lengthOfMonth()));
    }
}
