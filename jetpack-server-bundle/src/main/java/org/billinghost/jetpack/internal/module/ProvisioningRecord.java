package org.billinghost.jetpack.internal.module;

import java.time.Instant;

/**
 * What the module provisioned for one service.
 *
 * @param site          the site identifier sent to the API (cleaned: no scheme, no trailing slash)
 * @param blogId        the site's WordPress.com blog id once a status call gave it, else 0
 * @param plan          the plan's slug
 * @param provisionedAt when the plan was last provisioned, null if never
 * @param cancelledAt   when it was cancelled, null unless {@code state} is CANCELLED
 * @param lastError     the last failure's message, empty when the last command succeeded
 */
record ProvisioningRecord(long serviceId, String site, long blogId, String plan, State state, Instant provisionedAt,
                          Instant cancelledAt, String lastError) {

    enum State {
        /** The plan is on the site: active, or waiting for the customer to follow the activation link. */
        PROVISIONED,
        /** The plan waits for the site's domain to resolve. */
        WAITING,
        CANCELLED,
        /** Provisioning failed and nothing is on the site (as far as the module knows). */
        FAILED
    }

    /** The site has a plan of ours that Terminate, a move or a suspension must cancel. */
    boolean holdsPlan() {
        return state == State.PROVISIONED || state == State.WAITING;
    }
}
