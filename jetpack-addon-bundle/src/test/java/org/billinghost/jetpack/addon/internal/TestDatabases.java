package org.billinghost.jetpack.addon.internal;

import java.util.List;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.MigrationRunner;
import org.billinghost.core.internal.db.MigrationScripts;

/** The host's own database for the addon's tests, with the addon's tables made as the host makes them. */
final class TestDatabases {
    static final String BUNDLE = "org.billinghost.jetpack-addon-bundle";

    private TestDatabases() {
    }

    /** A fresh in-memory H2 host database with the addon's tables. */
    static ModuleDatabase h2() {
        ModuleDatabase db = withoutAddonTables();
        addonTables(db);
        return db;
    }

    /** A fresh in-memory H2 host database on which the addon's scripts have not run. */
    static ModuleDatabase withoutAddonTables() {
        return org.billinghost.core.testkit.TestDatabases.create(Dialect.H2).database();
    }

    /** Runs the addon bundle's scripts with the host's runner, as the host does when the addon registers. */
    static List<Integer> addonTables(ModuleDatabase db) {
        return new MigrationRunner((Database) db).migrate(
                MigrationScripts.onClassPath(BUNDLE, TestDatabases.class.getClassLoader(), "db/jetpack-addon"));
    }
}
