package org.billinghost.jetpack.internal.module;

import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.MigrationRunner;
import org.billinghost.core.internal.db.MigrationScripts;

/** The module's tables, made by the host's runner from the bundle's scripts as the host does when the module registers. */
public final class ModuleTables {
    static final String BUNDLE = "org.billinghost.jetpack-server-bundle";

    private ModuleTables() {
    }

    public static void create(ModuleDatabase database) {
        new MigrationRunner((Database) database).migrate(
                MigrationScripts.onClassPath(BUNDLE, ModuleTables.class.getClassLoader(), "db/jetpack-server"));
    }
}
