package org.billinghost.jetpack.internal.licensing;

import java.time.Instant;

/**
 * One license of a service as the module recorded it.
 *
 * @param intentAt   when the module decided to issue it (written before {@code POST /license} was sent)
 * @param issueSentAt when {@code POST /license} was last sent for it, null if never
 * @param key        empty while the state is INTENT or ABANDONED
 * @param site       the site it is (or was, before a suspension) attached to, empty when never attached
 * @param attachedAt null while not attached
 * @param attachNote why it could not be attached (shown to the customer with how to add it), empty otherwise
 */
record LicenseRecord(long id, long serviceId, String productSlug, State state, Instant intentAt, Instant issueSentAt,
                     String key,
                     String licenseId, Instant issuedAt, String site, Instant attachedAt, String attachNote,
                     Instant revokedAt, String lastError) {

    enum State {
        /** Issue decided, key unknown: the answer may have been lost. The next attempt looks at the API first. */
        INTENT,
        /** The service's license. */
        ACTIVE,
        /** Replaced by a package change; revoked as soon as the API lets us. */
        RETIRING,
        REVOKED,
        /** An intent that was never issued (terminated before it was, and nothing found at the API). */
        ABANDONED
    }

    boolean attached() {
        return attachedAt != null;
    }

    /** Holds a key the API may still consider valid. */
    boolean unrevoked() {
        return state == State.ACTIVE || state == State.RETIRING;
    }
}
