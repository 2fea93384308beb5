package org.billinghost.api.billing;

import java.util.Objects;

/** A refused request; the message is meant for the person who made it. Nothing was changed. */
public class BillingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Category {
        /** Missing, malformed or out-of-range input (HTTP 400). */
        INVALID_INPUT,
        /** An id that names nothing (HTTP 404). */
        NOT_FOUND,
        /** The request clashes with the current state (HTTP 409). */
        CONFLICT,
        /** The caller may not do this (HTTP 403). */
        FORBIDDEN,
        /** A module or remote system needed for this is not available (HTTP 503). */
        UNAVAILABLE
    }

    private final Category category;

    public BillingException(Category category, String message) {
        super(message);
        this.category = Objects.requireNonNull(category);
    }

    public Category category() {
        return category;
    }

    public static BillingException invalid(String message) {
        return new BillingException(Category.INVALID_INPUT, message);
    }

    public static BillingException notFound(String message) {
        return new BillingException(Category.NOT_FOUND, message);
    }

    public static BillingException conflict(String message) {
        return new BillingException(Category.CONFLICT, message);
    }
}
