package org.billinghost.core.internal.commands;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.billinghost.api.log.FailureLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool of one host process: a few claim workers claim due jobs under a lease owned by this process (a
 * random UUID and the host name) and hand them to {@link InFlightJobs}, which runs up to {@code maxInFlight} of them
 * at once (fewer per module when a module has its own limit) on threads of their own: a module call that waits on
 * its API holds a job slot, not a claim worker. The pool renews the leases of every job it holds, and on stop claims
 * no more, waits a bounded time for running jobs and gives back the ones it claimed but never started. Jobs a
 * stopped or killed process still held are taken over by any host once their lease ends.
 */
@Component(service = JobWorkers.class, configurationPid = JobsConfiguration.PID, immediate = true)
@Designate(ocd = JobsConfiguration.class)
public final class JobWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
    /** While the database is down every poll fails alike: one line a minute, not three a second. */
    private static final FailureLog FAILURES = new FailureLog(LOG);
    private static final String PROCESS_OWNER = newOwner();

    private final JobQueue queue;
    private final JobRunner runner;
    private final JobSettings settings;
    private final String owner;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final Runnable wakeUp = this::wakeUp;
    private ScheduledExecutorService leaseRenewal;
    private ExecutorService jobThreads;
    private InFlightJobs inFlight;
    private long signals;
    private volatile boolean running;

    @Activate
    public JobWorkers(@Reference JobQueue queue, @Reference ModuleCommandService commands, JobsConfiguration config) {
        this(queue, new JobRunner(queue, commands, JobSettings.of(config)), processOwner());
        start();
    }

    /**
     * A pool outside Declarative Services (tests). A factory rather than a second public constructor: SCR
     * chooses the activation constructor by its number of parameters, and two public 3-parameter constructors
     * made it pick this one at random ("unsupported type JobRunner").
     */
    public static JobWorkers of(JobQueue queue, JobRunner runner, String owner) {
        return new JobWorkers(queue, runner, owner);
    }

    private JobWorkers(JobQueue queue, JobRunner runner, String owner) {
        this.queue = queue;
        this.runner = runner;
        this.settings = runner.settings();
        this.owner = owner;
    }

    /** This process's lease owner id: a random UUID and the host name, the same for every pool and admin retry. */
    public static String processOwner() {
        return PROCESS_OWNER;
    }

    /** A new lease owner id (tests simulate several hosts in one JVM with it). */
    public static String newOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String id = UUID.randomUUID() + "@" + host;
        return id.length() <= 200 ? id : id.substring(0, 200);
    }

    public String owner() {
        return owner;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        queue.addWakeUp(wakeUp);
        AtomicInteger jobThread = new AtomicInteger();
        // unbounded here: InFlightJobs never runs more than maxInFlight jobs at once
        jobThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "billing-job-" + jobThread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        inFlight = new InFlightJobs(settings, jobThreads, this::runSafely, wakeUp);
        for (int i = 1; i <= settings.workers(); i++) {
            Thread thread = new Thread(this::work, "billing-job-claim-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        leaseRenewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "billing-job-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(settings.leaseMillis() / 3, 100);
        leaseRenewal.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Job workers started: owner={} workers={} maxInFlight={} maxInFlightByModule={}", owner,
                settings.workers(), settings.maxInFlight(), settings.maxInFlightByModule());
    }

    @Deactivate
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        queue.removeWakeUp(wakeUp);
        wakeUp();
        long deadline = System.currentTimeMillis() + settings.shutdownWaitMillis();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        for (Job job : inFlight.close()) {
            release(job);
        }
        jobThreads.shutdown();
        try {
            jobThreads.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int stillRunning = inFlight.running();
        leaseRenewal.shutdownNow();
        if (stillRunning > 0) {
            LOG.warn("Job workers stopped with jobs still running; their leases will expire and another host or the next start takes them over: owner={} running={}",
                    owner, stillRunning);
        } else {
            LOG.info("Job workers stopped: owner={}", owner);
        }
    }

    private void work() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = signals;
            }
            if (inFlight.reserve()) {
                Optional<Job> job = claim();
                if (job.isEmpty()) {
                    inFlight.unreserve();
                } else if (hand(job.get())) {
                    continue;
                }
            }
            // nothing due (or no module found), or the host holds its limit of jobs: a commit or a finished job wakes
            // the worker
            synchronized (signal) {
                if (running && signals == seen) {
                    try {
                        signal.wait(settings.pollMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private Optional<Job> claim() {
        try {
            return queue.claim(owner, settings.leaseMillis(), inFlight.busyModules());
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the poll interval spaces the next try.
            FAILURES.error(e, "Claiming a job failed: owner={}", owner);
            return Optional.empty();
        }
    }

    /**
     * Starts a claimed job on its module's slot; gives it back when the pool stops or its module cannot be read (then
     * the worker waits a poll interval rather than claim it again at once).
     */
    private boolean hand(Job job) {
        String module;
        try {
            module = running ? runner.moduleOf(job) : null;
        } catch (RuntimeException e) {
            FAILURES.error(e, "Finding the module of a job failed: job={} service={}", job.id(), job.serviceId());
            module = null;
        }
        if (module == null) {
            inFlight.unreserve();
            release(job);
            return false;
        }
        inFlight.start(module, job);
        return true;
    }

    /** Gives a job that never started back; if that fails too, its lease expires and any host takes it over. */
    private void release(Job job) {
        try {
            queue.release(job);
        } catch (RuntimeException e) {
            FAILURES.error(e, "Giving back a job that did not start failed: job={} service={}", job.id(),
                    job.serviceId());
        }
    }

    private void runSafely(Job job) {
        try {
            runner.run(job);
        } catch (RuntimeException e) {
            // Recording the outcome failed (database); the lease ends and the job is run again.
            FAILURES.error(e, "Job outcome could not be stored: job={} service={}", job.id(), job.serviceId());
        }
    }

    private void renewLeases() {
        try {
            queue.renewLeases(owner, settings.leaseMillis(), inFlight.holding());
        } catch (RuntimeException e) {
            FAILURES.error(e, "Renewing job leases failed: owner={}", owner);
        }
    }

    private void wakeUp() {
        synchronized (signal) {
            signals++;
            signal.notifyAll();
        }
    }
}
