package org.billinghost.jetpack.partner;

import java.util.Locale;
import java.util.Optional;

/** The four Jetpack plans, ranked: a plan may only be changed to a higher one. */
public enum Plan {
    FREE("Free"), PERSONAL("Personal"), PREMIUM("Premium"), PROFESSIONAL("Professional");

    private final String label;

    Plan(String label) {
        this.label = label;
    }

    /** The API's slug: {@code free}, {@code personal}, ... */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The product name the addon creates, e.g. {@code Jetpack - Personal Plan}. */
    public String productName() {
        return "Jetpack - " + label + " Plan";
    }

    /** By slug or label, ignoring case and white space. */
    public static Optional<Plan> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        for (Plan p : values()) {
            if (p.slug().equalsIgnoreCase(v) || p.label.equalsIgnoreCase(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
