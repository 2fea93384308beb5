package org.billinghost.jetpack.partner;

/**
 * The outcome of a provision call, read as the Partner API documents it: a non-empty
 * {@code nextUrl} is where the customer finishes the connection; without a link, {@code authRequired}
 * false means the plan is active on an already connected site, true that the plan waits for the site
 * (its domain did not resolve yet).
 *
 * @param details the text stored in the service's {@code jetpack_provisioning_details} field
 *                when ok: "URL to Activate Jetpack: ...", the active or the waiting message; empty otherwise
 * @param authRequired the API's {@code auth_required}: the site still has to be connected (true when absent)
 * @since 1.2 for {@code authRequired}
 */
public record ProvisionResult(ApiOutcome outcome, String nextUrl, String details, boolean authRequired) {

    /** A result of the form of version 1.1 of this package: without a link, the plan waits. */
    public ProvisionResult(ApiOutcome outcome, String nextUrl, String details) {
        this(outcome, nextUrl, details, true);
    }

    /** The plan waits for the site to be connected, and there is no link yet. */
    public boolean waiting() {
        return outcome.ok() && nextUrl.isEmpty() && authRequired;
    }

    /** The plan is active on a site that was already connected: nothing for the customer to do. */
    public boolean active() {
        return outcome.ok() && nextUrl.isEmpty() && !authRequired;
    }
}
