package org.billinghost.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's start-up state, registered by the host core once its database is migrated and its
 * services are up, or when that failed. The service carries the properties {@link #STATE} and
 * {@link #MESSAGE} so that a launcher can read them without loading this class.
 */
@ProviderType
public interface HostHealth {
    /**
     * Service property: {@code ready}, {@code failed} (the start failed) or {@code unavailable} (the database
     * cannot be used for now, e.g. its disk is full; the host recovers by itself).
     */
    String STATE = "billing.host.state";
    /** Service property: one sentence saying what failed (empty when ready). */
    String MESSAGE = "billing.host.message";

    boolean ready();

    String message();
}
