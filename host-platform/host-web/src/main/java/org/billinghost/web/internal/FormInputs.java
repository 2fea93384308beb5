package org.billinghost.web.internal;

import org.billinghost.api.billing.BillingException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Typed form values (amounts, dates) parsed by the pages: a value that is not one is refused naming its
 * field, as the core's refusals do ({@link BillingException#field()}), so the form marks the same way. The
 * range and the number of decimals are the core's to check.
 */
public final class FormInputs {
    /** Longer than any amount the money columns hold (9999999999.99) or any date: refused before parsing. */
    private static final int MAX_LENGTH = 32;

    private FormInputs() {
    }

    /** An amount such as {@code 9.95}; null when left empty. */
    public static BigDecimal money(String text, String field, String label) {
        String v = bounded(text, field, label);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw BillingException.invalid(field, label + " must be an amount such as 9.95.");
        }
    }

    /** A day written {@code 2026-12-31}; null when left empty. */
    public static LocalDate date(String text, String field, String label) {
        String v = bounded(text, field, label);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw BillingException.invalid(field, label + " must be a date written as 2026-12-31.");
        }
    }

    private static String bounded(String text, String field, String label) {
        String v = text == null ? "" : text.trim();
        if (v.length() > MAX_LENGTH) {
            throw BillingException.invalid(field, label + " is too long: at most " + MAX_LENGTH + " characters.");
        }
        return v;
    }
}
