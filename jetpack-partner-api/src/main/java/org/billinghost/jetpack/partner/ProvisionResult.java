package org.billinghost.jetpack.partner;

/**
 * The outcome of a provision call. When it succeeded, {@code nextUrl} is where the customer
 * finishes the connection, or empty when the site's domain did not resolve yet (the plan waits).
 *
 * @param details the text stored in the service's {@code jetpack_provisioning_details} field
 *                when ok: "URL to Activate Jetpack: ..." or the waiting message; empty otherwise
 */
public record ProvisionResult(ApiOutcome outcome, String nextUrl, String details) {
    public boolean waiting() {
        return outcome.ok() && nextUrl.isEmpty();
    }
}
