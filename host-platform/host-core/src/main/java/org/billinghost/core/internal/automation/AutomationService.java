package org.billinghost.core.internal.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.billinghost.api.billing.Automation;
import org.billinghost.api.billing.AutomationRun;
import org.billinghost.api.log.FailureLog;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Metrics;
import org.billinghost.core.internal.automation.RunStore.Row;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.commands.JobQueue;
import org.billinghost.core.internal.commands.JobWorkers;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.mail.MailOutbox;
import org.billinghost.core.internal.orders.InvoiceService;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily automation: the steps in order, each over its candidates a page at a time, each item in a
 * transaction of its own that also moves the run's cursor and count, so that a run taken over after its
 * host died goes on from the last committed item and counts nothing twice.
 */
@Component(service = {Automation.class, AutomationService.class}, configurationPid = AutomationConfiguration.PID)
@Designate(ocd = AutomationConfiguration.class)
public final class AutomationService implements Automation {
    private static final Logger LOG = LoggerFactory.getLogger(AutomationService.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);
    /** Timer of this host's automation runs (or parts of runs it took over) per outcome. */
    static final String METRIC = "billing.automation.runs";
    /** Items read per query: a run holds one page of ids, whatever the number of services. */
    static final int PAGE = 500;
    /** A run not heard of for this long is taken over by another host (renewed at every item and page). */
    static final long LEASE_MILLIS = 5 * 60_000;
    /** Periods one run bills for one service at most (a service whose dates were moved back years). */
    private static final int MAX_PERIODS = 120;

    private final Jdbc jdbc;
    private final AutomationSteps steps;
    private final RunStore runs;
    private final HookPublisher hooks;
    private final BillingClock clock;
    private final AutomationSettings settings;
    private final String owner;
    private final Metrics metrics;

    @Activate
    public AutomationService(@Reference Jdbc jdbc, @Reference JobQueue jobs, @Reference InvoiceService invoices,
                             @Reference ActivityLog activity, @Reference HookPublisher hooks,
                             @Reference BillingClock clock, @Reference Metrics metrics, @Reference MailOutbox mail,
                             AutomationConfiguration config) {
        this(jdbc, new AutomationSteps(jdbc, jobs, invoices, activity, hooks, clock, mail), hooks, clock,
                AutomationSettings.of(config), JobWorkers.processOwner(), metrics);
    }

    /**
     * The automation outside Declarative Services (tests; {@code owner} tells hosts sharing a database
     * apart). A factory: SCR chooses the activation constructor by its number of parameters.
     */
    public static AutomationService of(Jdbc jdbc, JobQueue jobs, InvoiceService invoices, ActivityLog activity,
                                       HookPublisher hooks, BillingClock clock, MailOutbox mail,
                                       AutomationSettings settings, String owner, Metrics metrics) {
        return new AutomationService(jdbc, new AutomationSteps(jdbc, jobs, invoices, activity, hooks, clock, mail),
                hooks, clock, settings, owner, metrics);
    }

    private AutomationService(Jdbc jdbc, AutomationSteps steps, HookPublisher hooks, BillingClock clock,
                              AutomationSettings settings, String owner, Metrics metrics) {
        this.jdbc = jdbc;
        this.steps = steps;
        this.runs = new RunStore(jdbc, LEASE_MILLIS);
        this.hooks = hooks;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
        this.metrics = metrics;
    }

    AutomationSettings settings() {
        return settings;
    }

    @Override
    public AutomationRun runNow() {
        finishAbandoned();
        Row row = runs.start(null, owner, clock.millis()).orElseThrow();
        return execute(row, true);
    }

    /**
     * Runs today's scheduled run unless a host already ran (or runs) it: the unique key on the run's day
     * lets exactly one of the hosts sharing the database through. Empty when another host has it.
     */
    public Optional<AutomationRun> runScheduled() {
        finishAbandoned();
        LocalDate today = clock.today();
        if (runs.hasScheduled(today)) {
            return Optional.empty();
        }
        return runs.start(today, owner, clock.millis()).map(row -> execute(row, true));
    }

    /** What the scheduler does every minute: finish abandoned runs, and start today's once its hour has come. */
    void tick() {
        if (Instant.ofEpochMilli(clock.millis()).atZone(clock.zone()).getHour() >= settings.hour()) {
            runScheduled();
        } else {
            finishAbandoned();
        }
    }

    /** Finishes the runs whose host died (their lease ended), one after the other. */
    public void finishAbandoned() {
        for (Optional<Row> row = runs.takeOverAbandoned(owner); row.isPresent(); row = runs.takeOverAbandoned(owner)) {
            LOG.info("Taking over an automation run whose host stopped: run={}", row.get().id());
            execute(row.get(), false);
        }
    }

    @Override
    public List<AutomationRun> recentRuns() {
        return runs.recent(RECENT_RUNS);
    }

    @Override
    public Instant nextScheduledRun() {
        LocalDate today = clock.today();
        ZonedDateTime todayAt = today.atTime(settings.hour(), 0).atZone(clock.zone());
        return (runs.hasScheduled(today) ? todayAt.plusDays(1) : todayAt).toInstant();
    }

    private AutomationRun execute(Row row, boolean fresh) {
        long start = System.nanoTime();
        String outcome = "finished";
        Map<String, Object> properties = Map.of(HookTopics.RUN_ID, row.id());
        if (fresh) {
            hooks.post(HookTopics.PRE_CRON_JOB, properties);
        }
        try {
            for (Step step : Step.values()) {
                if (step.number() >= row.step()) {
                    if (enabled(step)) {
                        runStep(row.id(), step, step.number() == row.step() ? row.cursor() : 0);
                    }
                    if (step.number() < Step.values().length) {
                        runs.nextStep(row.id(), owner, step.number() + 1);
                    }
                }
            }
            runs.finish(row.id(), owner, clock.millis());
            hooks.post(HookTopics.AFTER_CRON_JOB, properties);
        } catch (RunStore.LeaseLost e) {
            outcome = "taken_over";
            LOG.warn("An automation run went on too long without a heartbeat and was taken over: run={}", row.id());
        } finally {
            metrics.record(METRIC, Duration.ofNanos(System.nanoTime() - start), "outcome", outcome);
        }
        return runs.find(row.id()).orElseThrow().run();
    }

    private boolean enabled(Step step) {
        return switch (step) {
            case INVOICES -> settings.invoices();
            case SUSPEND -> settings.suspends();
            case TERMINATE -> settings.terminates();
            case CANCELLATIONS -> settings.cancellations();
            case NOTICES -> settings.notices();
        };
    }

    private void runStep(long runId, Step step, long from) {
        long cursor = from;
        while (true) {
            List<Long> page = steps.candidates(step, settings, cursor, PAGE);
            for (long itemId : page) {
                item(runId, step, itemId);
                cursor = itemId;
            }
            if (page.size() < PAGE) {
                return;
            }
            runs.heartbeat(runId, owner);
        }
    }

    /**
     * One service (an invoice for the notices): its own transaction(s); a failure is counted and the run goes
     * on with the next item.
     */
    private void item(long runId, Step step, long itemId) {
        try {
            switch (step) {
                case INVOICES -> renew(runId, itemId);
                case SUSPEND -> once(runId, step, itemId, () -> steps.suspend(itemId, settings));
                case TERMINATE -> once(runId, step, itemId, () -> steps.terminate(itemId, settings));
                case CANCELLATIONS -> once(runId, step, itemId, () -> steps.cancel(itemId));
                case NOTICES -> once(runId, step, itemId, () -> steps.queueNotice(itemId, settings));
            }
        } catch (RunStore.LeaseLost e) {
            throw e;
        } catch (RuntimeException e) {
            FAILURES.error(e, "Automation step failed for an item: run={} step={} item={} {}", runId, step, step.item(),
                    itemId);
            runs.failed(runId, owner, itemId, step.item() + " " + itemId + ": " + step.column() + " step failed");
        }
    }

    private interface ItemWork {
        boolean run();
    }

    private void once(long runId, Step step, long itemId, ItemWork work) {
        jdbc.inTransaction(() -> {
            if (work.run()) {
                runs.advance(runId, owner, step, 1, itemId);
            }
            return null;
        });
    }

    /**
     * Bills each due period of the service in a transaction of its own (a service whose dates were moved
     * back owes several); the cursor stays before the service until it is done, so a run taken over
     * comes back to it and bills what is still due.
     */
    private void renew(long runId, long serviceId) {
        for (int period = 0; period < MAX_PERIODS; period++) {
            try {
                Optional<LocalDate> next = jdbc.inTransaction(() -> {
                    Optional<LocalDate> billed = steps.invoiceNextPeriod(serviceId, settings);
                    if (billed.isPresent()) {
                        runs.advance(runId, owner, Step.INVOICES, 1, serviceId - 1);
                    }
                    return billed;
                });
                // the common case, one period due, ends here without a transaction that finds nothing
                if (next.isEmpty() || next.get().minusDays(settings.invoiceDaysAhead()).isAfter(clock.today())) {
                    return;
                }
            } catch (DataAccessException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                jdbc.inTransaction(() -> {
                    steps.passBilledPeriod(serviceId);
                    return null;
                });
            }
        }
    }
}
