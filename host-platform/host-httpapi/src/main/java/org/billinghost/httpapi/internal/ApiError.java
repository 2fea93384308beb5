package org.billinghost.httpapi.internal;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.BillingException.Category;

/**
 * A refused API request with the HTTP status and the message the caller sees. Thrown by the
 * parameter layer and the actions; the dispatcher turns it into {@code {"result":"error"}}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    private ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The API's HTTP status for a refusal; the pages keep {@link Category#httpStatus()}. As in WHMCS, an
     * action's refusal is 200 with {@code result=error}, since clients built on Guzzle, axios or
     * {@code raise_for_status} throw on other statuses instead of showing the message; permission refusals are
     * 403, and the host being unable to serve (database, disk, a module's bundle) is 503, to be tried again.
     */
    static int status(Category category) {
        return switch (category) {
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
            case INVALID_INPUT, NOT_FOUND, CONFLICT -> 200;
        };
    }

    static ApiError of(BillingException e) {
        return new ApiError(status(e.category()), e.getMessage());
    }

    /** Missing, malformed or out-of-range input. */
    public static ApiError invalid(String message) {
        return new ApiError(status(Category.INVALID_INPUT), message);
    }

    /** An id that names nothing. */
    public static ApiError notFound(String message) {
        return new ApiError(status(Category.NOT_FOUND), message);
    }

    /** A command the module or the current state refused. */
    public static ApiError refused(String message) {
        return new ApiError(status(Category.CONFLICT), message);
    }

    /** Authentication, IP and permission refusals. */
    public static ApiError forbidden(String message) {
        return new ApiError(status(Category.FORBIDDEN), message);
    }

    /** A body that cannot be read as parameters at all: the one case of 400. */
    static ApiError unreadable(String message) {
        return new ApiError(400, message);
    }

    static ApiError tooLarge(String message) {
        return new ApiError(413, message);
    }
}
