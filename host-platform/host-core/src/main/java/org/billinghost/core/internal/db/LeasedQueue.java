package org.billinghost.core.internal.db;

import java.util.ArrayList;
import java.util.List;

import org.billinghost.api.platform.ModuleDatabase.Dialect;

/**
 * The candidates of a claim from a queue table with leases (jobs, mail): a {@code state}, a {@code next_attempt_at}
 * and an index on those two. Rows whose lease expired come first (their host died; they were due before any row now
 * due), then due rows, oldest first. Asked for in two queries, each on one state and ordered by the index's own
 * columns, so that the database reads the index in order and stops at the limit: with both states in one condition
 * (an OR) it read every due and claimed row and sorted them, on every claim, a cost growing with the backlog.
 */
public final class LeasedQueue {
    private final Jdbc jdbc;
    private final String table;
    private final String expired;
    private final String due;
    private final boolean skipLocked;

    /**
     * @param expired the condition of a row whose lease expired, with one parameter: now
     * @param due the condition of a due row, with one parameter: now
     */
    public LeasedQueue(Jdbc jdbc, String table, String expired, String due) {
        this.jdbc = jdbc;
        this.table = table;
        this.expired = expired;
        this.due = due;
        this.skipLocked = jdbc.dialect() != Dialect.H2;
    }

    /** Whether candidates are locked and skipped by other claims (PostgreSQL, MariaDB; H2 has no SKIP LOCKED). */
    public boolean skipLocked() {
        return skipLocked;
    }

    /**
     * The ids to try, inside the caller's transaction: one, locked, where SKIP LOCKED exists; otherwise up to 8, so
     * that claims woken together need not all wait on the oldest row. {@code more} is further conditions (starting
     * with {@code AND}) whose {@code parameters} follow now's.
     */
    public List<Long> candidates(long now, String more, List<?> parameters) {
        int limit = skipLocked ? 1 : 8;
        List<Long> ids = new ArrayList<>(select(expired, now, limit, more, parameters));
        if (ids.size() < limit) {
            ids.addAll(select(due, now, limit - ids.size(), more, parameters));
        }
        return ids;
    }

    private List<Long> select(String state, long now, int limit, String more, List<?> parameters) {
        List<Object> all = new ArrayList<>();
        all.add(now);
        all.addAll(parameters);
        all.add(limit);
        return jdbc.query("SELECT id FROM " + table + " WHERE " + state + more
                + " ORDER BY state, next_attempt_at, id LIMIT ?" + (skipLocked ? " FOR UPDATE SKIP LOCKED" : ""),
                rs -> rs.getLong(1), all.toArray());
    }
}
