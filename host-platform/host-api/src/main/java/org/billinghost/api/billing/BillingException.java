package org.billinghost.api.billing;

import java.util.Objects;
import java.util.Optional;

/**
 * A refused request; the message is meant for the person who made it. Nothing was changed. The
 * host's only refusal type: services, the catalog and the module parameters all throw it.
 */
public class BillingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Why a request was refused; {@link #httpStatus()} is the one place that turns it into the status of a page.
     * The HTTP API answers as WHMCS does instead (200 with {@code result=error} for most refusals).
     */
    public enum Category {
        /** Missing, malformed or out-of-range input. */
        INVALID_INPUT(400),
        /** An id that names nothing. */
        NOT_FOUND(404),
        /** The request clashes with the current state. */
        CONFLICT(409),
        /** The caller may not do this. */
        FORBIDDEN(403),
        /** A module or remote system needed for this is not available. */
        UNAVAILABLE(503);

        private final int httpStatus;

        Category(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * The status the web pages answer a refusal of this category with.
         *
         * @since 2.0
         */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Category category;
    private final String field;

    public BillingException(Category category, String message) {
        this(category, null, message);
    }

    /**
     * A refusal caused by one input, named as the form field or API parameter that carries it
     * (e.g. {@code "productid"}), so that a form can mark that field.
     *
     * @since 2.0
     */
    public BillingException(Category category, String field, String message) {
        super(message);
        this.category = Objects.requireNonNull(category);
        this.field = field == null || field.isBlank() ? null : field;
    }

    public Category category() {
        return category;
    }

    /**
     * The name of the one input at fault; empty when the refusal concerns the request as a whole.
     *
     * @since 2.0
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public static BillingException invalid(String message) {
        return new BillingException(Category.INVALID_INPUT, message);
    }

    /** @since 2.0 */
    public static BillingException invalid(String field, String message) {
        return new BillingException(Category.INVALID_INPUT, field, message);
    }

    public static BillingException notFound(String message) {
        return new BillingException(Category.NOT_FOUND, message);
    }

    /** @since 2.0 */
    public static BillingException notFound(String field, String message) {
        return new BillingException(Category.NOT_FOUND, field, message);
    }

    public static BillingException conflict(String message) {
        return new BillingException(Category.CONFLICT, message);
    }
}
