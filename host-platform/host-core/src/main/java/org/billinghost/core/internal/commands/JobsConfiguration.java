package org.billinghost.core.internal.commands;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host job queue",
        description = "Workers that run automatic module commands (Create on order, payment or acceptance) from the database queue")
public @interface JobsConfiguration {
    String PID = "org.billinghost.core.jobs";

    @AttributeDefinition(name = "Claim workers", description = "Threads that claim due jobs from the database and hand them to the in-flight pool; they never wait on a module", min = "1")
    int workers() default 8;

    @AttributeDefinition(name = "Jobs in flight", description = "Jobs this host runs at the same time, all modules together (module calls block on their API: this, not the claim workers, sizes provisioning); 1 to 256", min = "1", max = "256")
    int maxInFlight() default 32;

    @AttributeDefinition(name = "Jobs in flight per module", description = "Comma-separated module=limit pairs (e.g. jetpack=16,jetpack_licensing=8): at most that many jobs of the module run at once on this host, to stay within its partner's API quota; a module not named has the Jobs in flight limit")
    String maxInFlightByModule() default "";

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
