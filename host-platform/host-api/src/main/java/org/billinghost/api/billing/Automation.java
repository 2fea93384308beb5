package org.billinghost.api.billing;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The daily automation (WHMCS's cron): renewal invoices, suspension and termination of overdue services,
 * cancellation requests whose day has come. It runs once a day at the configured hour on one of the
 * hosts sharing the database, and whenever an admin asks.
 *
 * @since 2.1
 */
@ProviderType
public interface Automation {

    /** How many runs {@link #recentRuns()} answers. */
    int RECENT_RUNS = 30;

    /**
     * Runs every enabled step now on the calling thread and answers the finished run. A run another host
     * left unfinished (it died) is finished first.
     */
    AutomationRun runNow();

    /** The last {@link #RECENT_RUNS} runs, newest first. */
    List<AutomationRun> recentRuns();

    /** When the scheduler starts the next daily run. */
    Instant nextScheduledRun();
}
