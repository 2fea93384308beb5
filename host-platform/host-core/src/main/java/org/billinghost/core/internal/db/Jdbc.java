package org.billinghost.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.billinghost.api.platform.ModuleDatabase.Dialect;

/**
 * A small JDBC helper. A transaction opened by {@link #inTransaction} is bound to the current
 * thread, so every call made inside it (also from nested services) joins the same connection and
 * commits or rolls back as one unit. A failure that says the database cannot be used (H2 closed it after
 * a failed write) throws {@link DatabaseUnavailableException}, others {@link DataAccessException}; see
 * {@link DatabaseAvailability}.
 *
 * <p>On H2 one transaction (or auto-commit write) at a time runs: H2 writes its file at every commit
 * ({@code WRITE_DELAY=0}) from the maps as each one is at that moment, so a transaction that ran and committed
 * while another's commit was writing could come back from a SIGKILL with only part of its rows
 * (TransactionAfterCrashTest). With writes one at a time, every file write holds whole transactions.
 */
public final class Jdbc {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final DatabaseAvailability availability;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final ReentrantLock h2Writes = new ReentrantLock();

    Jdbc(DataSource dataSource, Dialect dialect, DatabaseAvailability availability) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.availability = availability;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The current time as the database stores it (UTC, milliseconds). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Reads a timestamp column written from an {@link Instant} parameter; null stays null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Runs {@code work} in a transaction, joining the one already open on this thread. */
    public <T> T inTransaction(SqlWork<T> work) {
        Transaction open = current.get();
        if (open != null) {
            return work.run();
        }
        availability.beforeConnecting();
        Transaction tx;
        T result;
        lockWrites();
        try (Connection connection = dataSource.getConnection()) {
            tx = new Transaction(connection);
            current.set(tx);
            connection.setAutoCommit(false);
            try {
                result = work.run();
                // an action may add another; each runs once, in the order added
                for (int i = 0; i < tx.beforeCommit.size(); i++) {
                    tx.beforeCommit.get(i).run();
                }
                connection.commit();
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } catch (SQLException e) {
                rollback(connection, e);
                throw availability.failure(e, "Commit failed: " + e.getMessage());
            } finally {
                current.remove();
                connection.setAutoCommit(true);
            }
            if (tx.wrote) {
                // in turn (on H2 it may write the file: CHECKPOINT after an outage) and once the connection is back
                // in the pool, whose free connection the CHECKPOINT may need
                connection.close();
                availability.wrote();
            }
        } catch (SQLException e) {
            throw availability.failure(e, "Cannot get a database connection: " + e.getMessage());
        } finally {
            unlockWrites();
        }
        tx.afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs {@code action} as the last work of the outermost transaction of this thread, right before its commit; at
     * once when none is open. For a write to a row every transaction of its kind must lock (a counter): taken last,
     * the lock is held for the commit only, not for the rest of the transaction.
     */
    public void beforeCommit(Runnable action) {
        whenOpen(action, open -> open.beforeCommit);
    }

    /** Runs {@code action} after the outermost transaction of this thread commits; at once when none is open. */
    public void afterCommit(Runnable action) {
        whenOpen(action, open -> open.afterCommit);
    }

    /** Adds {@code action} to a list of the open transaction, or runs it at once when none is open. */
    private void whenOpen(Runnable action, Function<Transaction, List<Runnable>> list) {
        Transaction open = current.get();
        if (open == null) {
            action.run();
        } else {
            list.apply(open).add(action);
        }
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(sql, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The first column of the first row as a long (0 when there is no row or it is null). */
    public long queryLong(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE and answers the number of rows it changed. */
    public int update(String sql, Object... params) {
        return writing(sql, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        }, changed -> changed > 0);
    }

    /** Runs an INSERT into a table whose key column is {@code id} and answers the generated id. */
    public long insert(String sql, Object... params) {
        return writing(sql, c -> {
            // PostgreSQL answers every column for RETURN_GENERATED_KEYS; name the key there.
            try (PreparedStatement ps = dialect == Dialect.POSTGRESQL
                    ? c.prepareStatement(sql, new String[] {"id"})
                    : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, params);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("No generated key returned");
                    }
                    return keys.getLong(1);
                }
            }
        }, id -> true);
    }

    /**
     * {@link #withConnection} for a write: outside a transaction it is one, taking its turn on H2. A write that
     * changed rows is noted: at once in auto-commit mode (in turn, with its connection back in the pool), else when
     * the transaction commits.
     */
    private <T> T writing(String what, ConnectionWork<T> work, Predicate<T> changedRows) {
        Transaction open = current.get();
        if (open != null) {
            T result = withConnection(what, work);
            open.wrote |= changedRows.test(result);
            return result;
        }
        lockWrites();
        try {
            T result = withConnection(what, work);
            if (changedRows.test(result)) {
                availability.wrote();
            }
            return result;
        } finally {
            unlockWrites();
        }
    }

    private void lockWrites() {
        if (dialect == Dialect.H2) {
            h2Writes.lock();
        }
    }

    private void unlockWrites() {
        if (dialect == Dialect.H2) {
            h2Writes.unlock();
        }
    }

    /** Runs {@code work} on this thread's transaction connection, or on a pooled one in auto-commit mode. */
    public <T> T withConnection(String what, ConnectionWork<T> work) {
        Transaction open = current.get();
        try {
            if (open != null) {
                return work.run(open.connection);
            }
            availability.beforeConnecting();
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw availability.failure(e, "Statement failed: " + e.getMessage() + " [" + abbreviate(what) + "]");
        }
    }

    /** Work on a raw connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant instant) {
                ps.setObject(i + 1, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "..." : oneLine;
    }

    private static final class Transaction {
        final Connection connection;
        final List<Runnable> beforeCommit = new ArrayList<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean wrote;

        Transaction(Connection connection) {
            this.connection = connection;
        }
    }
}
