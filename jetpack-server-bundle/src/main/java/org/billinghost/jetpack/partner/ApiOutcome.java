package org.billinghost.jetpack.partner;

/**
 * The outcome of one Partner API operation.
 *
 * @param ok         the API did what was asked
 * @param message    for staff, starting with {@link PartnerApi#PREFIX} when not ok; says what to do
 * @param transientFailure the failure may pass by itself (5xx, time-out, connection trouble, 429)
 */
public record ApiOutcome(boolean ok, String message, boolean transientFailure) {
    public static ApiOutcome success(String message) {
        return new ApiOutcome(true, message, false);
    }

    public static ApiOutcome failure(String message, boolean transientFailure) {
        return new ApiOutcome(false, message, transientFailure);
    }
}
