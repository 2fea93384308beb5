package org.billinghost.core.internal.commands;

import java.util.Optional;

import org.billinghost.api.module.CommandResult;
import org.billinghost.api.platform.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs claimed jobs and moves each to its next state: done, a later retry, or failed (module queue). */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobQueue queue;
    private final ModuleCommandService commands;
    private final JobSettings settings;

    public JobRunner(JobQueue queue, ModuleCommandService commands, JobSettings settings) {
        this.queue = queue;
        this.commands = commands;
        this.settings = settings;
    }

    public JobSettings settings() {
        return settings;
    }

    /** The module the job will call ({@link ModuleCommandService#moduleOf}). */
    public String moduleOf(Job job) {
        return commands.moduleOf(job);
    }

    /** Claims and runs due jobs on the calling thread until none is due; answers how many ran. */
    public int runDue(String owner) {
        int ran = 0;
        for (Optional<Job> job = queue.claim(owner, settings.leaseMillis()); job.isPresent();
             job = queue.claim(owner, settings.leaseMillis())) {
            run(job.get());
            ran++;
        }
        return ran;
    }

    /**
     * Runs one claimed job as whoever queued it; transient failures are retried with back-off until the
     * attempts run out.
     */
    public CommandResult run(Job job) {
        CommandResult result;
        try (Actor.Scope ignored = Actor.actAs(job.actor())) {
            result = commands.runJob(job);
        }
        boolean kept;
        if (result.succeeded()) {
            kept = queue.succeed(job, job.failedBefore());
        } else if (result.failure() == CommandResult.Failure.TRANSIENT && job.attempts() < settings.maxAttempts()) {
            long delay = Backoff.delayMillis(settings, job.attempts(), result.retryAfter());
            kept = queue.retryLater(job, result.message(), System.currentTimeMillis() + delay);
            LOG.info("Job will be retried: job={} service={} attempt={} delayMillis={}", job.id(), job.serviceId(),
                    job.attempts(), delay);
        } else {
            kept = queue.fail(job, result.message());
            LOG.warn("Job failed and waits in the module queue: job={} service={} attempts={} error={}", job.id(),
                    job.serviceId(), job.attempts(), result.message());
        }
        if (!kept) {
            LOG.warn("Job lease was lost while it ran (another host took it over): job={} service={} owner={}",
                    job.id(), job.serviceId(), job.leaseOwner());
        }
        return result;
    }
}
