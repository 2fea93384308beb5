package org.billinghost.core.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.api.platform.ModuleDatabase;

/** The host's connection pool; also what modules get as {@link ModuleDatabase}. */
public final class Database implements ModuleDatabase, AutoCloseable {

    /**
     * Sized for about 40 concurrent requests plus the job workers: requests hold a connection only
     * for the few statements of one transaction, so 40 connections keep them from queueing.
     */
    static final int MAX_POOL_SIZE = 40;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final DatabaseAvailability availability;
    private final Jdbc jdbc;

    private Database(HikariDataSource pool, Dialect dialect, Path fileDirectory) {
        this.pool = pool;
        this.dialect = dialect;
        this.availability = new DatabaseAvailability(dialect, pool, fileDirectory);
        this.jdbc = new Jdbc(pool, dialect, availability);
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @throws DatabaseUnavailableException with one sentence naming the URL (never the password)
     */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = settings.dialect();
        HikariConfig config = new HikariConfig();
        config.setPoolName("billing");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(10_000);
        // the same isolation everywhere (MariaDB would default to REPEATABLE READ)
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // HikariCP loads the driver through the context class loader: ours imports the driver packages
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Database.class.getClassLoader());
        try {
            config.setDriverClassName(settings.driverClassName());
            return new Database(new HikariDataSource(config), dialect, settings.h2FileDirectory());
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot connect to the database at " + settings.displayUrl()
                    + ": " + DatabaseUnavailableException.rootMessage(e));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public DatabaseAvailability availability() {
        return availability;
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return forModule(() -> jdbc.inTransaction(work::run));
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return forModule(() -> jdbc.query(sql, mapper::map, params));
    }

    @Override
    public int update(String sql, Object... params) {
        return forModule(() -> jdbc.update(sql, params));
    }

    /** Modules see one failure type: an unavailable database (a BillingException inside the core) becomes one too. */
    private static <T> T forModule(SqlWork<T> work) {
        try {
            return work.run();
        } catch (DatabaseUnavailableException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dialect == Dialect.H2 && !pool.isClosed()) {
            // an in-memory or file H2 database is closed by SHUTDOWN; without it a file database is flushed lazily
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already closed by another path: nothing left to flush
            }
        }
        pool.close();
    }
}
