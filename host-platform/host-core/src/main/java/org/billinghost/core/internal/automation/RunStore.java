package org.billinghost.core.internal.automation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.billinghost.api.billing.AutomationRun;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.RowMapper;

/**
 * The {@code automation_runs} table. Every change a running run makes to its row is conditional on still
 * holding the lease, so a host that lost its run (it stalled past the lease and another took over) stops
 * at its next item instead of doing the other's work twice. Leases run on the wall clock, as the job
 * queue's; the run's start and end on the billing clock.
 */
final class RunStore {
    static final String RUNNING = "running";
    static final String FINISHED = "finished";
    private static final String COLUMNS = "id, scheduled_day, state, started, ended, step, cursor_id, invoices,"
            + " suspensions, terminations, cancellations, failures, notices";
    private static final RowMapper<Row> ROW = rs -> {
        long ended = rs.getLong("ended");
        Instant end = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        AutomationRun run = new AutomationRun(rs.getLong("id"), rs.getObject("scheduled_day", LocalDate.class),
                FINISHED.equals(rs.getString("state")) ? AutomationRun.State.FINISHED : AutomationRun.State.RUNNING,
                Instant.ofEpochMilli(rs.getLong("started")), end, rs.getInt("invoices"), rs.getInt("suspensions"),
                rs.getInt("terminations"), rs.getInt("cancellations"), rs.getInt("failures"), rs.getInt("notices"));
        return new Row(run, rs.getInt("step"), rs.getLong("cursor_id"));
    };

    /** A stored run and where it is: the step it works on and the last item of that step it committed. */
    record Row(AutomationRun run, int step, long cursor) {
        long id() {
            return run.id();
        }
    }

    /** Thrown inside an item's transaction when the run's lease went to another host: the item rolls back. */
    static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost(long runId) {
            super("Automation run " + runId + " was taken over by another host", null, false, false);
        }
    }

    private final Jdbc jdbc;
    private final long leaseMillis;

    RunStore(Jdbc jdbc, long leaseMillis) {
        this.jdbc = jdbc;
        this.leaseMillis = leaseMillis;
    }

    /** Starts a run; for a scheduled one empty when a run of that day exists (another host has it). */
    Optional<Row> start(LocalDate scheduledDay, String owner, long startedMillis) {
        try {
            long id = jdbc.insert("INSERT INTO automation_runs (scheduled_day, state, started, step, cursor_id,"
                    + " lease_owner, lease_until, invoices, suspensions, terminations, cancellations, failures, notices)"
                    + " VALUES (?, ?, ?, 1, 0, ?, ?, 0, 0, 0, 0, 0, 0)", scheduledDay, RUNNING, startedMillis, owner,
                    leaseEnd());
            return find(id);
        } catch (DataAccessException e) {
            if (scheduledDay != null && e.isUniqueViolation()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    boolean hasScheduled(LocalDate day) {
        return jdbc.queryLong("SELECT COUNT(*) FROM automation_runs WHERE scheduled_day = ?", day) > 0;
    }

    /** Takes over one running run whose lease ended (its host died); empty when there is none. */
    Optional<Row> takeOverAbandoned(String owner) {
        long now = System.currentTimeMillis();
        for (long id : jdbc.query("SELECT id FROM automation_runs WHERE state = ? AND lease_until < ? ORDER BY id",
                rs -> rs.getLong(1), RUNNING, now)) {
            if (jdbc.update("UPDATE automation_runs SET lease_owner = ?, lease_until = ? WHERE id = ? AND state = ?"
                    + " AND lease_until < ?", owner, leaseEnd(), id, RUNNING, now) == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    Optional<Row> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM automation_runs WHERE id = ?", ROW, id);
    }

    List<AutomationRun> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM automation_runs ORDER BY id DESC LIMIT ?", ROW, limit)
                .stream().map(Row::run).toList();
    }

    /**
     * Inside an item's transaction: adds {@code done} to the step's count, moves the cursor and renews the
     * lease; throws {@link LeaseLost} (rolling the item back) when the run is no longer this owner's.
     */
    void advance(long runId, String owner, Step step, int done, long cursor) {
        String count = step.column();
        held(jdbc.update("UPDATE automation_runs SET " + count + " = " + count + " + ?, cursor_id = ?, lease_until = ?"
                + " WHERE id = ? AND lease_owner = ? AND state = ?", done, cursor, leaseEnd(), runId, owner, RUNNING),
                runId);
    }

    /** Renews the lease between pages (a step may go through many services that need nothing). */
    void heartbeat(long runId, String owner) {
        held(jdbc.update("UPDATE automation_runs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = ?",
                leaseEnd(), runId, owner, RUNNING), runId);
    }

    /** An item failed and was rolled back: counted, and passed over so that the run goes on. */
    void failed(long runId, String owner, long cursor, String error) {
        held(jdbc.update("UPDATE automation_runs SET failures = failures + 1, cursor_id = ?, last_error = ?,"
                + " lease_until = ? WHERE id = ? AND lease_owner = ? AND state = ?", cursor,
                error.length() <= 2000 ? error : error.substring(0, 2000), leaseEnd(), runId, owner, RUNNING), runId);
    }

    void nextStep(long runId, String owner, int step) {
        held(jdbc.update("UPDATE automation_runs SET step = ?, cursor_id = 0, lease_until = ? WHERE id = ?"
                + " AND lease_owner = ? AND state = ?", step, leaseEnd(), runId, owner, RUNNING), runId);
    }

    void finish(long runId, String owner, long endedMillis) {
        held(jdbc.update("UPDATE automation_runs SET state = ?, ended = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ? AND state = ?", FINISHED, endedMillis, runId, owner, RUNNING), runId);
    }

    private long leaseEnd() {
        return System.currentTimeMillis() + leaseMillis;
    }

    private static void held(int updated, long runId) {
        if (updated != 1) {
            throw new LeaseLost(runId);
        }
    }
}
