package org.billinghost.api.billing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One run of the daily automation and what each step did.
 *
 * @param scheduledDay the day a scheduled run ran for; null for a run started by hand
 * @param ended        null while the run is running
 * @param invoices     renewal invoices created (or renewal lines added to one)
 * @param suspended    Suspend commands queued
 * @param terminated   Terminate commands queued for overdue services
 * @param cancelled    Terminate commands queued for cancellation requests
 * @param failures     items that failed (each left as it was, to be tried by the next run)
 * @param notices      invoice payment reminders and overdue notices queued (since 2.2)
 * @since 2.1
 */
public record AutomationRun(long id, LocalDate scheduledDay, State state, Instant started, Instant ended,
                            int invoices, int suspended, int terminated, int cancelled, int failures, int notices) {

    /** The constructor of 2.1, without notices (none). */
    public AutomationRun(long id, LocalDate scheduledDay, State state, Instant started, Instant ended,
                         int invoices, int suspended, int terminated, int cancelled, int failures) {
        this(id, scheduledDay, state, started, ended, invoices, suspended, terminated, cancelled, failures, 0);
    }

    public enum State {
        RUNNING("Running"), FINISHED("Finished");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
