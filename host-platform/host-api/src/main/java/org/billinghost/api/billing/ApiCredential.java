package org.billinghost.api.billing;

import java.time.Instant;
import java.util.Set;

/** An API credential; the secret is stored hashed and never returned. Empty {@code allowedActions}: all. */
public record ApiCredential(long id, String identifier, long adminId, String description, Set<String> allowedActions,
                            Instant created) {
    public ApiCredential {
        allowedActions = Set.copyOf(allowedActions);
    }
}
