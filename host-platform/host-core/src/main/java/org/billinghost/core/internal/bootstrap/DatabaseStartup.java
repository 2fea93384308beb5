package org.billinghost.core.internal.bootstrap;

import java.util.ArrayList;
import java.util.List;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.DatabaseSettings;
import org.billinghost.core.internal.db.DatabaseUnavailableException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.MigrationRunner;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and migrates the database at start. On success it registers {@link Jdbc}, {@link Database}
 * and {@link ModuleDatabase} (on which every other core component depends); on failure it registers
 * a failed {@code HostHealth} with one sentence, because a DS component cannot report why it did
 * not register its services.
 */
@Component(immediate = true)
public final class DatabaseStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Database database;

    @Activate
    public DatabaseStartup(BundleContext context) {
        try {
            DatabaseSettings settings = DatabaseSettings.from(context::getProperty);
            database = Database.open(settings);
            List<Integer> applied = new MigrationRunner(database).migrate();
            LOG.info("Database ready url={} dialect={} migrationsApplied={}", settings.displayUrl(),
                    database.dialect(), applied.size());
            registrations.add(context.registerService(Jdbc.class, database.jdbc(), null));
            registrations.add(context.registerService(
                    new String[] {Database.class.getName(), ModuleDatabase.class.getName()}, database, null));
        } catch (DatabaseUnavailableException | IllegalStateException e) {
            // INFO, not ERROR: the failed HostHealth carries the sentence and the launcher prints it once
            LOG.info("Host core cannot start: {}", e.getMessage());
            closeDatabase();
            registrations.add(HostHealthStatus.failed(e.getMessage()).register(context));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        closeDatabase();
    }

    private void closeDatabase() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
