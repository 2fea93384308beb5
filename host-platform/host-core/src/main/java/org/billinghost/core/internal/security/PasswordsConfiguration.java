package org.billinghost.core.internal.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host password hashing",
        description = "Slow password hashes (Argon2id) of admins and clients: logins, sign-ups and password changes")
public @interface PasswordsConfiguration {
    String PID = "org.billinghost.core.passwords";

    @AttributeDefinition(name = "Concurrent hashes",
            description = "Password hashes computed at the same time by this host; more wait their turn, so a burst of "
                    + "logins or sign-ups leaves CPU for orders and pages; each keeps 7 MiB of heap once used. 0: half the "
                    + "processors, at least 1, at most 16",
            min = "0", max = "16")
    int concurrency() default 0;
}
