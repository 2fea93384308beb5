package org.billinghost.api.billing;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Slows down the guessing of passwords and API secrets. An attempt is counted <em>before</em> the
 * secret is checked, atomically per account name and per address, so that parallel guesses cannot
 * slip past the lock while a slow password check runs. Used by the admin and client logins and by
 * the HTTP API's authentication.
 *
 * @since 2.0
 */
@ProviderType
public interface AuthThrottle {

    /** Where the attempt is made; each realm counts its names and addresses apart. */
    enum Realm {
        ADMIN, CLIENT, API,
        /** Requests for a password reset link (since 2.2): counted per e-mail address and per visitor address. */
        PASSWORD_RESET
    }

    /**
     * Reserves one attempt for {@code name} from {@code address}. When the answer is
     * {@linkplain Attempt#allowed() allowed} the caller checks the secret and then calls
     * {@link Attempt#succeeded()} or {@link Attempt#failed()}; otherwise it refuses without checking.
     */
    Attempt begin(Realm realm, String name, String address);

    /** Failed attempts (per name, and per address) that lock further attempts. */
    int maxFailures();

    /** How long a lock lasts, in seconds. */
    long lockSeconds();

    /** One reserved attempt. */
    interface Attempt {
        /** 0 when the attempt may go ahead; otherwise the seconds until one may be tried again. */
        long secondsLocked();

        default boolean allowed() {
            return secondsLocked() == 0;
        }

        /** The secret was right: the failures counted for this name and address are forgotten. */
        void succeeded();

        /** The secret was wrong: the reserved attempt stays counted. */
        void failed();

        /**
         * The secret could not be checked (the database was unavailable, say): the reserved attempt is
         * given back, so an outage never locks anyone out.
         */
        void abandoned();
    }
}
