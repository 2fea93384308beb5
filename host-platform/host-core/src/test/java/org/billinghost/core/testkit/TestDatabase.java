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

    TestDatabase(Dialect dialect, Database database, Runnable drop) {
        this.dialect = dialect;
        this.database = database;
        this.drop = drop;
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
