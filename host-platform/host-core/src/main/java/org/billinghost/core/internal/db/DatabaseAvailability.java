package org.billinghost.core.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.billinghost.api.log.FailureLog;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database can be used, and the way back when it cannot. H2 closes its file database when a write
 * fails (a full disk), and every pooled connection then answers "The database has been closed" for good. A
 * failure saying so evicts the pool's connections, so that the next connection opens the file again; meanwhile
 * calls get {@link DatabaseUnavailableException}. While the disk of H2's file has less than
 * {@link #MIN_FREE_BYTES} free, no connection is made at all (calls are refused at once): a host that reopened
 * and wrote H2's file again and again on a full disk was left with a file H2 could no longer open. The outage
 * ends when a write that changed rows succeeds and, on H2, a CHECKPOINT then stores everything: H2 may answer a
 * commit while another thread's store of it is still to fail, and reads work on a full disk. Each change is
 * logged once and told to the listeners (the host's health).
 */
public final class DatabaseAvailability {

    /** What a caller is told while the database cannot be used. */
    static final String REFUSAL = "The database is temporarily unavailable; please try again in a few minutes.";
    /** Free space on the disk of H2's file below which the file is not opened again after a failure. */
    public static final long MIN_FREE_BYTES = 16L * 1024 * 1024;

    /** H2's {@code org.h2.api.ErrorCode}s of a closed database: DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN. */
    private static final Set<Integer> CLOSED = Set.of(90098, 90121);
    /** ... and of one that cannot read or write its file: IO_EXCEPTION_1, IO_EXCEPTION_2, NO_DISK_SPACE_AVAILABLE. */
    private static final Set<Integer> IO_FAILED = Set.of(90028, 90031, 90100);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Path fileDirectory;
    private final int minimumIdle;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile String problem = "";
    private volatile boolean waitingForSpace;

    /** {@code fileDirectory}: where H2 keeps its file, null for a database server. */
    DatabaseAvailability(Dialect dialect, HikariDataSource pool, Path fileDirectory) {
        this.dialect = dialect;
        this.pool = pool;
        this.fileDirectory = fileDirectory;
        this.minimumIdle = pool.getMinimumIdle();
    }

    /** Empty while the database can be used; else one sentence saying why it cannot. */
    public String problem() {
        return problem;
    }

    /**
     * Calls {@code listener} with the new {@link #problem()} at each change (empty: usable again).
     *
     * @return stops the calls
     */
    public Runnable onChange(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Called before a connection is taken: refuses the call while H2's disk lacks space after a failure; once it
     * has space, lets the pool connect again.
     */
    void beforeConnecting() {
        if (!waitingForSpace) {
            return;
        }
        synchronized (this) {
            if (waitingForSpace && !hasSpace()) {
                throw new DatabaseUnavailableException(REFUSAL);
            }
            if (waitingForSpace) {
                waitingForSpace = false;
                pool.getHikariConfigMXBean().setMinimumIdle(minimumIdle);
                LOG.info("The disk of the database has space again: reconnecting.");
            }
        }
    }

    /**
     * The exception to throw for a failed database call: {@link DatabaseUnavailableException} when the failure
     * says the database cannot be used through the pool's connections (the pool is then evicted), else a
     * {@link DataAccessException} with {@code message}.
     */
    RuntimeException failure(SQLException e, String message) {
        if (!isUnusable(e)) {
            return new DataAccessException(message, e);
        }
        synchronized (this) {
            if (!waitingForSpace && !hasSpace()) {
                // no connection until there is space: the pool must not refill itself by opening the file
                waitingForSpace = true;
                pool.getHikariConfigMXBean().setMinimumIdle(0);
            }
        }
        // soft: connections in use are closed when given back, so that no running statement is cut off
        pool.getHikariPoolMXBean().softEvictConnections();
        String sentence = "The database cannot be used (" + reason(e) + "); requests are refused until it can write "
                + "again, and the host reconnects by itself.";
        if (change(sentence)) {
            FAILURES.error(e, "{}", sentence);
        }
        return new DatabaseUnavailableException(REFUSAL);
    }

    /** A write that changed rows was committed: during an outage, checks whether the database works again. */
    void wrote() {
        if (!problem.isEmpty() && storesAgain() && change("")) {
            LOG.info("The database can be used again: a write succeeded.");
        }
    }

    private boolean storesAgain() {
        if (dialect != Dialect.H2) {
            return true; // a database server answers a commit once it is stored
        }
        try {
            beforeConnecting();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
                return true;
            }
        } catch (SQLException e) {
            failure(e, "CHECKPOINT failed");
            return false;
        } catch (DatabaseUnavailableException e) {
            return false;
        }
    }

    /** Moves between usable and not, telling the listeners in the order of the changes; false when no change. */
    private synchronized boolean change(String newProblem) {
        if (problem.isEmpty() == newProblem.isEmpty()) {
            return false;
        }
        problem = newProblem;
        listeners.forEach(l -> l.accept(newProblem));
        return true;
    }

    private boolean hasSpace() {
        if (fileDirectory == null) {
            return true;
        }
        try {
            return Files.getFileStore(fileDirectory).getUsableSpace() >= MIN_FREE_BYTES;
        } catch (IOException e) {
            return true; // the directory is gone: opening the file says why
        }
    }

    private boolean isUnusable(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                // class 08: the connection is gone (a database server restarted or unreachable)
                if (state.startsWith("08") || dialect == Dialect.H2
                        && (CLOSED.contains(e.getErrorCode()) || IO_FAILED.contains(e.getErrorCode()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The file system's word when a read or write failed (e.g. "No space left on device"); else the innermost
     * cause, where H2's own words for a closed database ("add DB_CLOSE_ON_EXIT=FALSE") would mislead.
     */
    private static String reason(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io && io.getMessage() != null) {
                return io.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && CLOSED.contains(e.getErrorCode())) {
                return "it was closed";
            }
        }
        return DatabaseUnavailableException.rootMessage(failure);
    }
}
