package org.billinghost.core.internal.commands;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host job queue",
        description = "Workers that run automatic module commands (Create on order, payment or acceptance) from the database queue")
public @interface JobsConfiguration {
    String PID = "org.billinghost.core.jobs";

    @AttributeDefinition(name = "Workers", description = "Jobs run at the same time by this host", min = "1")
    int workers() default 8;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often idle workers look for due jobs; jobs committed by this host wake them at once", min = "10")
    long pollMillis() default 1000;

    @AttributeDefinition(name = "Lease (s)", description = "How long a claimed job stays reserved for this host; renewed while it runs; another host takes over an expired lease", min = "1")
    int leaseSeconds() default 60;

    @AttributeDefinition(name = "Maximum attempts", description = "Attempts of a job failing transiently before it waits for an admin in the module queue", min = "1")
    int maxAttempts() default 8;

    @AttributeDefinition(name = "Back-off base (ms)", description = "Delay before the first retry; doubled for each further attempt, with jitter", min = "0")
    long backoffBaseMillis() default 2000;

    @AttributeDefinition(name = "Back-off maximum (ms)", description = "Longest delay between two attempts (a module's Retry-After may ask for more)", min = "0")
    long backoffMaxMillis() default 600_000;

    @AttributeDefinition(name = "Shutdown wait (s)", description = "How long stopping waits for running jobs before leaving them to lease expiry", min = "0")
    int shutdownWaitSeconds() default 20;
}
