package org.billinghost.web.internal;

import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Automation;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.DailyFigures;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Services;
import org.billinghost.api.billing.Upgrades;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.ModuleLog;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The host services the pages use, gathered in one component so each servlet needs one reference. */
@Component(service = HostServices.class)
public final class HostServices {
    /** The launcher's framework property naming the data directory. */
    static final String DATA_DIR = "billing.data.dir";
    private final Admins admins;
    private final Clients clients;
    private final Orders orders;
    private final Invoices invoices;
    private final Services services;
    private final ModuleCommands commands;
    private final ModuleQueue queue;
    private final Modules modules;
    private final ApiCredentials apiCredentials;
    private final Catalog catalog;
    private final ActivityLog activityLog;
    private final ModuleLog moduleLog;
    private final AuthThrottle authThrottle;
    private final Upgrades upgrades;
    private final Automation automation;
    private final CancellationRequests cancellations;
    private final Path settingsDir;
    private final Emails emails;
    private final DailyFigures figures;

    @Activate
    public HostServices(@Reference Admins admins, @Reference Clients clients, @Reference Orders orders,
                        @Reference Invoices invoices, @Reference Services services,
                        @Reference ModuleCommands commands, @Reference ModuleQueue queue,
                        @Reference Modules modules, @Reference ApiCredentials apiCredentials,
                        @Reference Catalog catalog, @Reference ActivityLog activityLog,
                        @Reference ModuleLog moduleLog, @Reference AuthThrottle authThrottle,
                        @Reference Upgrades upgrades, @Reference Automation automation,
                        @Reference CancellationRequests cancellations, @Reference Emails emails,
                        @Reference DailyFigures figures, BundleContext context) {
        this(admins, clients, orders, invoices, services, commands, queue, modules, apiCredentials, catalog,
                activityLog, moduleLog, authThrottle, upgrades, automation, cancellations, emails, figures,
                Optional.ofNullable(context.getProperty(DATA_DIR)).map(d -> Path.of(d, "conf")).orElse(null));
    }

    /** With {@code settingsDir}, where the pages write settings files (null: the pages cannot write any). */
    public HostServices(Admins admins, Clients clients, Orders orders, Invoices invoices, Services services,
                        ModuleCommands commands, ModuleQueue queue, Modules modules, ApiCredentials apiCredentials,
                        Catalog catalog, ActivityLog activityLog, ModuleLog moduleLog, AuthThrottle authThrottle,
                        Upgrades upgrades, Automation automation, CancellationRequests cancellations, Emails emails,
                        DailyFigures figures, Path settingsDir) {
        this.emails = emails;
        this.figures = figures;
        this.admins = admins;
        this.clients = clients;
        this.orders = orders;
        this.invoices = invoices;
        this.services = services;
        this.commands = commands;
        this.queue = queue;
        this.modules = modules;
        this.apiCredentials = apiCredentials;
        this.catalog = catalog;
        this.activityLog = activityLog;
        this.moduleLog = moduleLog;
        this.authThrottle = authThrottle;
        this.upgrades = upgrades;
        this.automation = automation;
        this.cancellations = cancellations;
        this.settingsDir = settingsDir;
    }

    /**
     * The data directory's {@code conf/}, which the launcher has Felix FileInstall watch: a {@code .cfg} file the pages
     * write there reaches Configuration Admin within a second and survives restarts. Empty when the host was not
     * started by the launcher.
     */
    public Optional<Path> settingsDir() {
        return Optional.ofNullable(settingsDir);
    }

    public Upgrades upgrades() {
        return upgrades;
    }

    public Admins admins() {
        return admins;
    }

    public Clients clients() {
        return clients;
    }

    public Orders orders() {
        return orders;
    }

    public Invoices invoices() {
        return invoices;
    }

    public Services services() {
        return services;
    }

    public ModuleCommands commands() {
        return commands;
    }

    public ModuleQueue queue() {
        return queue;
    }

    public Modules modules() {
        return modules;
    }

    public ApiCredentials apiCredentials() {
        return apiCredentials;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ActivityLog activityLog() {
        return activityLog;
    }

    public ModuleLog moduleLog() {
        return moduleLog;
    }

    public AuthThrottle authThrottle() {
        return authThrottle;
    }

    public Automation automation() {
        return automation;
    }

    public Emails emails() {
        return emails;
    }

    public CancellationRequests cancellations() {
        return cancellations;
    }

    public DailyFigures figures() {
        return figures;
    }
}
