package org.billinghost.api.billing;

import java.time.Instant;

/**
 * A module job that has not succeeded (WHMCS's module queue), or one still waiting for a retry.
 *
 * @param state {@code pending} (will be tried again at {@code nextAttempt}), {@code failed} (waits
 *              for an admin) or {@code resolved}
 */
public record QueueItem(long id, long serviceId, long clientId, String module, String action, String lastError,
                        int attempts, Instant created, Instant lastAttempt, Instant nextAttempt, String state) {
}
