package org.billinghost.api.platform;

import java.util.Optional;

/** When the host runs a product's Create command by itself. */
public enum AutoSetup {
    /** As soon as the order is placed. */
    ORDER("order"),
    /** On the first payment of the order's invoice. */
    PAYMENT("payment"),
    /** When an admin accepts the pending order. */
    ACCEPT("on"),
    /** Never: an admin runs Create. */
    MANUAL("");

    private final String code;

    AutoSetup(String code) {
        this.code = code;
    }

    /** WHMCS's stored value: {@code order}, {@code payment}, {@code on} or the empty string. */
    public String code() {
        return code;
    }

    public static Optional<AutoSetup> fromCode(String code) {
        String c = code == null ? "" : code.trim();
        for (AutoSetup a : values()) {
            if (a.code.equalsIgnoreCase(c)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
