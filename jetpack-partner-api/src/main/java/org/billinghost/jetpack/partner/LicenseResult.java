package org.billinghost.jetpack.partner;

/**
 * The outcome of a call about one license; {@code license} is null unless the outcome is ok.
 *
 * @since 1.3
 */
public record LicenseResult(ApiOutcome outcome, License license) {

    public static LicenseResult failed(ApiOutcome outcome) {
        return new LicenseResult(outcome, null);
    }

    /** The API answered with this error code (e.g. {@code license_already_revoked}). */
    public boolean refusedWith(String errorCode) {
        return !outcome.ok() && outcome.errorCode().equals(errorCode);
    }
}
