package org.billinghost.core.testkit;

import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.Jdbc;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A migrated test database; closing it closes the pool and drops the schema or database. */
public final class TestDatabase implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Dialect dialect;
    private final Database database;
    private final Runnable drop;
    private final String url;
    private final String user;

    TestDatabase(Dialect dialect, Database database, Runnable drop, String url, String user) {
        this.dialect = dialect;
        this.database = database;
        this.drop = drop;
        this.url = url;
        this.user = user;
    }

    /** The JDBC URL a second pool (e.g. a command-line tool) opens this database with; no password. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Database database() {
        return database;
    }

    public Jdbc jdbc() {
        return database.jdbc();
    }

    @Override
    public void close() {
        database.close();
        drop.run();
    }

    @Override
    public String toString() {
        return dialect.name().toLowerCase(java.util.Locale.ROOT);
    }
}
