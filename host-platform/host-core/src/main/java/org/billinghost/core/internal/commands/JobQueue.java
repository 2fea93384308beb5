package org.billinghost.core.internal.commands;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.Actor;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.LeasedQueue;
import org.billinghost.core.internal.db.RowMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code jobs} table: automatic module commands stored in the caller's transaction, claimed by
 * workers with a lease. PostgreSQL and MariaDB lock the candidate row with {@code FOR UPDATE SKIP
 * LOCKED} so hosts sharing a database do not wait on each other; every dialect then takes the row
 * with a compare-and-set update, which alone is what guarantees one owner per job (H2 relies on it).
 */
@Component(service = JobQueue.class)
public final class JobQueue {
    static final String PENDING = "pending";
    static final String RUNNING = "running";
    static final String FAILED = "failed";
    static final String DONE = "done";
    static final String RESOLVED = "resolved";

    /*
     * The commands of one service run one at a time in the order they were queued (an automation's Suspend
     * before its Terminate): a job waits while an older one of its service is pending or running.
     */
    private static final String IN_ORDER = " AND NOT EXISTS (SELECT 1 FROM jobs earlier WHERE earlier.service_id ="
            + " jobs.service_id AND earlier.id < jobs.id AND earlier.state IN ('pending', 'running'))";

    private final Jdbc jdbc;
    /** A claim's candidates, read in ix_jobs_due's order (see {@link LeasedQueue} for why). */
    private final LeasedQueue claimable;
    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();

    @Activate
    public JobQueue(@Reference Jdbc jdbc) {
        this.jdbc = jdbc;
        this.claimable = new LeasedQueue(jdbc, "jobs", "state = 'running' AND lease_until < ?",
                "state = 'pending' AND next_attempt_at <= ?");
    }

    /**
     * Stores a job due now, inside the caller's transaction; workers of this JVM are woken after the commit.
     * The job keeps the {@link Actor#current() current actor}: it leaves this thread, and its lines are theirs.
     */
    public long enqueue(long serviceId, ModuleCommand command, String customFunction) {
        long now = System.currentTimeMillis();
        Actor actor = Actor.current();
        long id = jdbc.insert("INSERT INTO jobs (service_id, command, custom_function, state, attempts,"
                + " next_attempt_at, created, updated, actor_type, actor_id, actor_name, actor_ip)"
                + " VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, ?)", serviceId,
                command.name(), customFunction == null ? "" : customFunction, now, now, now, actor.kind().code(),
                actor.id(), actor.name(), actor.ip());
        jdbc.afterCommit(this::wakeUp);
        return id;
    }

    void addWakeUp(Runnable wakeUp) {
        wakeUps.add(wakeUp);
    }

    void removeWakeUp(Runnable wakeUp) {
        wakeUps.remove(wakeUp);
    }

    private void wakeUp() {
        wakeUps.forEach(Runnable::run);
    }

    /** Claims one due job (or one whose lease expired) for {@code owner}. */
    public Optional<Job> claim(String owner, long leaseMillis) {
        return claim(owner, leaseMillis, Set.of());
    }

    /**
     * Claims one due job (or one whose lease expired) for {@code owner}, none of a service whose product has one of
     * the {@code busyModules}: this host runs as many of their jobs as it may, and others stay free for other hosts.
     * The filter only spares this host's slots; the limit itself is kept by {@link InFlightJobs}, where a job of a busy
     * module claimed all the same (a package change to another module's product, two claims at once) waits its turn.
     */
    public Optional<Job> claim(String owner, long leaseMillis, Set<String> busyModules) {
        String notBusy = busyModules.isEmpty() ? "" : " AND NOT EXISTS (SELECT 1 FROM services s JOIN products p"
                + " ON p.id = s.product_id WHERE s.id = jobs.service_id AND p.module IN ("
                + String.join(", ", Collections.nCopies(busyModules.size(), "?")) + "))";
        return jdbc.inTransaction(() -> {
            long now = System.currentTimeMillis();
            List<Long> candidates = claimable.candidates(now, IN_ORDER + notBusy, List.copyOf(busyModules));
            if (!claimable.skipLocked()) {
                // H2 has no SKIP LOCKED: workers woken together would all wait on the same oldest row's lock
                Collections.shuffle(candidates, ThreadLocalRandom.current());
            }
            for (long id : candidates) {
                Optional<Job> job = take(id, owner, now, leaseMillis);
                if (job.isPresent()) {
                    return job;
                }
            }
            return Optional.<Job>empty();
        });
    }

    private Optional<Job> take(long id, String owner, long now, long leaseMillis) {
        String set = "UPDATE jobs SET state = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1,"
                + " last_attempt_at = ?, updated = ? WHERE id = ? AND ";
        boolean takenOver = false;
        if (jdbc.update(set + "state = 'pending' AND next_attempt_at <= ?", owner, now + leaseMillis, now, now, id, now) != 1) {
            if (jdbc.update(set + "state = 'running' AND lease_until < ?", owner, now + leaseMillis, now, now, id, now) != 1) {
                return Optional.empty();
            }
            takenOver = true;
        }
        boolean tookOver = takenOver;
        return row(id).map(row -> row.toJob(tookOver));
    }

    /** Takes a failed or waiting job for an admin's retry; empty when it is running or finished. */
    public Optional<Job> claimForRetry(long id, String owner, long leaseMillis) {
        return jdbc.inTransaction(() -> {
            long now = System.currentTimeMillis();
            int taken = jdbc.update("UPDATE jobs SET state = 'running', lease_owner = ?, lease_until = ?,"
                    + " attempts = attempts + 1, last_attempt_at = ?, updated = ? WHERE id = ?"
                    + " AND state IN ('pending', 'failed')", owner, now + leaseMillis, now, now, id);
            return taken == 1 ? row(id).map(row -> row.toJob(false)) : Optional.<Job>empty();
        });
    }

    /** Extends the leases of those of {@code ids} that the owner still runs. */
    public int renewLeases(String owner, long leaseMillis, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(System.currentTimeMillis() + leaseMillis, owner));
        params.addAll(ids);
        return jdbc.update("UPDATE jobs SET lease_until = ? WHERE lease_owner = ? AND state = 'running' AND id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", params.toArray());
    }

    /** Finishes a job the owner still holds; false when its lease was lost to another host. */
    public boolean succeed(Job job, boolean resolved) {
        long now = System.currentTimeMillis();
        return finish(job, resolved ? RESOLVED : DONE, null, now, resolved ? now : null);
    }

    public boolean retryLater(Job job, String error, long nextAttemptAt) {
        return finish(job, PENDING, error, nextAttemptAt, null);
    }

    public boolean fail(Job job, String error) {
        return finish(job, FAILED, error, System.currentTimeMillis(), null);
    }

    private boolean finish(Job job, String state, String error, long nextAttemptAt, Long resolvedAt) {
        long now = System.currentTimeMillis();
        String lastError = error == null ? null : truncate(error);
        return jdbc.update("UPDATE jobs SET state = ?, last_error = COALESCE(?, last_error), next_attempt_at = ?,"
                + " lease_owner = NULL, lease_until = NULL, resolved_at = ?, updated = ?"
                + " WHERE id = ? AND state = 'running' AND lease_owner = ?", state, lastError, nextAttemptAt,
                resolvedAt, now, job.id(), job.leaseOwner()) == 1;
    }

    /** Gives a claimed job that was never started back to the queue, as if it had not been claimed. */
    public boolean release(Job job) {
        return jdbc.update("UPDATE jobs SET state = 'pending', attempts = attempts - 1, lease_owner = NULL,"
                + " lease_until = NULL, updated = ? WHERE id = ? AND state = 'running' AND lease_owner = ?",
                System.currentTimeMillis(), job.id(), job.leaseOwner()) == 1;
    }

    /** Marks a job resolved by an admin; false when it is running. */
    public boolean resolve(long id) {
        long now = System.currentTimeMillis();
        return jdbc.update("UPDATE jobs SET state = 'resolved', resolved_at = ?, updated = ? WHERE id = ?"
                + " AND state IN ('pending', 'failed')", now, now, id) == 1;
    }

    /** Whether the service has a job of {@code command} that has not finished (pending, running or failed). */
    public boolean hasUnfinished(long serviceId, ModuleCommand command) {
        return jdbc.queryLong("SELECT COUNT(*) FROM jobs WHERE service_id = ? AND command = ?"
                + " AND state IN ('pending', 'running', 'failed')", serviceId, command.name()) > 0;
    }

    /** Drops the not-yet-started jobs of a service (its order was cancelled). */
    public void cancelPending(long serviceId) {
        long now = System.currentTimeMillis();
        jdbc.update("UPDATE jobs SET state = 'resolved', resolved_at = ?, last_error = COALESCE(last_error, ?),"
                + " updated = ? WHERE service_id = ? AND state IN ('pending', 'failed')", now, "Order cancelled",
                now, serviceId);
    }

    public Optional<JobRow> row(long id) {
        return jdbc.queryOne("SELECT " + JobRow.COLUMNS + " FROM jobs WHERE id = ?", JobRow.MAPPER, id);
    }

    /** The module queue: jobs that failed or wait for a retry; resolved ones too when asked. Newest first. */
    public List<JobRow> queue(boolean includeResolved, int offset, int limit) {
        return jdbc.query("SELECT " + JobRow.COLUMNS + " FROM jobs WHERE " + queueFilter(includeResolved)
                + " ORDER BY id DESC LIMIT ? OFFSET ?", JobRow.MAPPER, limit, offset);
    }

    public long queueSize(boolean includeResolved) {
        return jdbc.queryOne("SELECT COUNT(*) FROM jobs WHERE " + queueFilter(includeResolved), rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Jobs of one service, oldest first. */
    public List<JobRow> ofService(long serviceId) {
        return jdbc.query("SELECT " + JobRow.COLUMNS + " FROM jobs WHERE service_id = ? ORDER BY id", JobRow.MAPPER,
                serviceId);
    }

    private static String queueFilter(boolean includeResolved) {
        String open = "(state = 'failed' OR (state IN ('pending', 'running') AND last_error IS NOT NULL))";
        return includeResolved ? "(" + open + " OR (state = 'resolved' AND last_error IS NOT NULL))" : open;
    }

    private static String truncate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
    }

    /** A stored job. */
    public record JobRow(long id, long serviceId, String command, String customFunction, String state, int attempts,
                         String lastError, long nextAttemptAt, Long lastAttemptAt, String leaseOwner, Long leaseUntil,
                         long created, Long resolvedAt, Actor actor) {
        static final String COLUMNS = "id, service_id, command, custom_function, state, attempts, last_error,"
                + " next_attempt_at, last_attempt_at, lease_owner, lease_until, created, resolved_at, actor_type,"
                + " actor_id, actor_name, actor_ip";
        static final RowMapper<JobRow> MAPPER = rs -> new JobRow(rs.getLong("id"), rs.getLong("service_id"),
                rs.getString("command"), rs.getString("custom_function"), rs.getString("state"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getLong("next_attempt_at"), nullableLong(rs, "last_attempt_at"),
                rs.getString("lease_owner"), nullableLong(rs, "lease_until"), rs.getLong("created"),
                nullableLong(rs, "resolved_at"), new Actor(Actor.Kind.of(rs.getString("actor_type")),
                rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("actor_ip")));

        Job toJob(boolean takenOver) {
            return new Job(id, serviceId, ModuleCommand.valueOf(command), customFunction, attempts, takenOver,
                    lastError != null, leaseOwner, actor);
        }

        private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }
    }
}
