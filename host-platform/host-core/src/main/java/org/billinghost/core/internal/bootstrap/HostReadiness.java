package org.billinghost.core.internal.bootstrap;

import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.HostHealth;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.core.internal.commands.JobWorkers;
import org.billinghost.core.internal.clients.ClientsService;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.security.AdminsService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the host ready once every core service and the job workers are up: it is satisfied only when all the references
 * below are, seeds the first-start data, then registers {@link HostHealth} {@code ready} (or
 * {@code failed} with one sentence when seeding fails). Afterwards the health follows the database: {@code
 * unavailable} with the reason while it cannot be used, {@code ready} again when it can.
 */
@Component(immediate = true, reference = {
        @Reference(name = "activityLog", service = ActivityLog.class),
        @Reference(name = "moduleLog", service = ModuleLog.class),
        @Reference(name = "moduleDatabase", service = ModuleDatabase.class),
        @Reference(name = "orders", service = Orders.class),
        @Reference(name = "invoices", service = Invoices.class),
        @Reference(name = "services", service = Services.class),
        @Reference(name = "moduleCommands", service = ModuleCommands.class),
        @Reference(name = "moduleQueue", service = ModuleQueue.class),
        @Reference(name = "modules", service = Modules.class),
        // ready includes the job workers running: /health/ready promises that queued commands are carried out
        @Reference(name = "jobWorkers", service = JobWorkers.class)})
public final class HostReadiness {

    private static final Logger LOG = LoggerFactory.getLogger(HostReadiness.class);

    private final BundleContext context;
    private final Runnable stopFollowing;
    private ServiceRegistration<HostHealth> registration;

    @Activate
    public HostReadiness(BundleContext context, @Reference AdminsService admins,
                         @Reference ApiCredentials credentials, @Reference Catalog catalog,
                         @Reference ClientsService clients, @Reference Database database) {
        this.context = context;
        HostHealthStatus status;
        try {
            new Bootstrap(admins, credentials, catalog, clients, System.out)
                    .seed(Bootstrap.Options.from(context::getProperty));
            status = HostHealthStatus.readyNow();
        } catch (RuntimeException e) {
            LOG.error("First-start setup failed", e);
            status = HostHealthStatus.failed("The first-start setup of the database failed: " + e.getMessage());
        }
        registration = status.register(context);
        stopFollowing = status.ready() ? database.availability().onChange(this::follow) : () -> { };
    }

    private synchronized void follow(String databaseProblem) {
        if (registration == null) {
            return; // deactivated meanwhile
        }
        // the new state is registered before the old one goes, so that a HostHealth is always there
        ServiceRegistration<HostHealth> previous = registration;
        registration = (databaseProblem.isEmpty() ? HostHealthStatus.readyNow()
                : HostHealthStatus.unavailable(databaseProblem)).register(context);
        previous.unregister();
    }

    @Deactivate
    synchronized void deactivate() {
        stopFollowing.run();
        registration.unregister();
        registration = null;
    }
}
