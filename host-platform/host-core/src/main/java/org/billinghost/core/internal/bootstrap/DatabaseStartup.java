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
 * not register its services. The work runs on a thread of its own so that the framework goes on
 * starting the other bundles (HTTP, web, API) while the database opens.
 */
@Component(immediate = true)
public final class DatabaseStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);

    private final BundleContext context;
    private final Thread starter;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Database database;
    private boolean stopped;

    @Activate
    public DatabaseStartup(BundleContext context) {
        this.context = context;
        this.starter = new Thread(this::start, "billing-database-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Waits until the database is registered or the failure reported (for tests). */
    void awaitStarted() throws InterruptedException {
        starter.join();
    }

    private void start() {
        Database opened = null;
        try {
            DatabaseSettings settings = DatabaseSettings.from(context::getProperty);
            opened = Database.open(settings);
            List<Integer> applied = new MigrationRunner(opened, line -> {
                // on the console too: the operator starting an upgrade sees what it does before it is done
                System.out.println(line);
                LOG.info("{}", line);
            }).migrate();
            LOG.info("Database ready url={} dialect={} migrationsApplied={}", settings.displayUrl(),
                    opened.dialect(), applied.size());
            publish(opened);
        } catch (DatabaseUnavailableException | IllegalStateException e) {
            if (opened != null) {
                opened.close();
            }
            // INFO, not ERROR: the failed HostHealth carries the sentence and the launcher prints it once
            LOG.info("Host core cannot start: {}", e.getMessage());
            reportFailure(e.getMessage());
        }
    }

    private synchronized void publish(Database opened) {
        if (stopped) {
            opened.close();
            return;
        }
        database = opened;
        registrations.add(context.registerService(Jdbc.class, opened.jdbc(), null));
        registrations.add(context.registerService(
                new String[] {Database.class.getName(), ModuleDatabase.class.getName()}, opened, null));
    }

    private synchronized void reportFailure(String message) {
        if (!stopped) {
            registrations.add(HostHealthStatus.failed(message).register(context));
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stopped = true;
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
