package org.billinghost.jetpack.partner;

import java.time.Duration;

/**
 * The outcome of one Partner API operation.
 *
 * @param ok         the API did what was asked
 * @param message    for staff, starting with {@link PartnerApi#PREFIX} when not ok; says what to do
 * @param transientFailure the failure may pass by itself (5xx, time-out, connection trouble, 429)
 * @param retryAfter when the API said how long to wait (429/503 {@code Retry-After}); null otherwise
 * @param errorCode  the API's error code when the API itself refused the call (e.g. {@code invalid_client} of the
 *                   token call: the credentials are wrong); empty for success and for trouble reaching or reading it
 * @since 1.2 for {@code errorCode}
 */
public record ApiOutcome(boolean ok, String message, boolean transientFailure, Duration retryAfter, String errorCode) {

    public ApiOutcome {
        errorCode = errorCode == null ? "" : errorCode;
    }

    /** An outcome without an error code (the form of version 1.1 of this package). */
    public ApiOutcome(boolean ok, String message, boolean transientFailure, Duration retryAfter) {
        this(ok, message, transientFailure, retryAfter, "");
    }

    /** An outcome without a retry delay (the form of version 1.0 of this package). */
    public ApiOutcome(boolean ok, String message, boolean transientFailure) {
        this(ok, message, transientFailure, null, "");
    }

    /** A permanent failure: the API refused the call with {@code errorCode}. */
    public static ApiOutcome refused(String message, String errorCode) {
        return new ApiOutcome(false, message, false, null, errorCode);
    }

    /** The API itself refused the call (it answered with an error code). */
    public boolean refusedByApi() {
        return !ok && !errorCode.isEmpty();
    }

    public static ApiOutcome success(String message) {
        return new ApiOutcome(true, message, false, null);
    }

    public static ApiOutcome failure(String message, boolean transientFailure) {
        return new ApiOutcome(false, message, transientFailure, null);
    }

    /** A transient failure; {@code retryAfter} may be null. */
    public static ApiOutcome transientFailure(String message, Duration retryAfter) {
        return new ApiOutcome(false, message, true, retryAfter);
    }
}
