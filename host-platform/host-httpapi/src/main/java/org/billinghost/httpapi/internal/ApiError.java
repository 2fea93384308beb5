package org.billinghost.httpapi.internal;

/**
 * A refused API request with the HTTP status and the message the caller sees. Thrown by the
 * parameter layer and the actions; the dispatcher turns it into {@code {"result":"error"}}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }
}
