package org.billinghost.core.testkit;

import java.time.Instant;
import java.io.PrintStream;
import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.DailyFigures;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Currency;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.core.internal.time.BillingClock;
import org.billinghost.core.internal.bootstrap.Bootstrap;
import org.billinghost.core.internal.catalog.CatalogService;
import org.billinghost.core.internal.clients.ClientsService;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.logs.ActivityLogService;
import org.billinghost.core.internal.logs.ModuleLogService;
import org.billinghost.core.internal.metrics.PrometheusMetrics;
import org.billinghost.core.internal.security.AdminsService;
import org.billinghost.core.internal.security.ApiCredentialsService;
import org.billinghost.core.internal.security.AuthThrottleService;
import org.billinghost.core.internal.security.PasswordHasher;
import org.junit.jupiter.api.extension.ExtensionContext;
// ---- CORE-FLOW imports
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Services;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.ServerModule;
import org.billinghost.core.internal.commands.JobQueue;
import org.billinghost.core.internal.commands.JobRunner;
import org.billinghost.core.internal.commands.JobSettings;
import org.billinghost.core.internal.commands.JobWorkers;
import org.billinghost.core.internal.commands.ModuleCommandService;
import org.billinghost.core.internal.commands.ModuleQueueService;
import org.billinghost.core.internal.modules.ModuleRegistry;
import org.billinghost.core.internal.modules.ModulesService;
import org.billinghost.core.internal.orders.DailyFiguresService;
import org.billinghost.core.internal.orders.InvoiceService;
import org.billinghost.core.internal.orders.OrderService;
import org.billinghost.core.internal.orders.OrderSettings;
import org.billinghost.core.internal.orders.ServiceAccountService;
import org.billinghost.core.internal.upgrades.UpgradeService;
import org.billinghost.api.billing.Upgrades;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.core.internal.automation.AutomationService;
import org.billinghost.core.internal.automation.AutomationSettings;
import org.billinghost.core.internal.automation.CancellationRequestService;
import java.util.Properties;
import org.billinghost.core.internal.mail.EmailsService;
import org.billinghost.core.internal.mail.MailOutbox;

/**
 * Every host-core service wired by hand on a migrated database, for tests of this and other modules
 * (HTTP API, web). {@link #h2()} builds it on a fresh in-memory H2 database that {@link #close()} drops.
 *
 * <p>Password hashes use the least Argon2id memory and passes here so that tests stay fast; the stored format (and
 * the code path) is the production one.
 */
public final class CoreAssembly implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    /** The currency of the tests' catalog (the host's default). */
    public static final Currency TEST_CURRENCY = new Currency("USD", "$", " USD");

    /** Memory (KiB) and passes of the test password hasher: fast, but still a real Argon2id hash. */
    public static final int TEST_HASH_MEMORY_KIB = 64;
    public static final int TEST_HASH_PASSES = 1;

    private final TestDatabase owned;
    private final Database database;
    private final Jdbc jdbc;
    private final CatalogService catalog;
    private final ClientsService clients;
    private final AdminsService admins;
    private final ApiCredentialsService apiCredentials;
    private final AuthThrottle authThrottle = new AuthThrottleService();
    private final ActivityLogService activityLog;
    private final ModuleLogService moduleLog;
    // ---- CORE-FLOW: fields of the workflow services go here
    private final RecordingHookPublisher hooks = new RecordingHookPublisher();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final BillingClock billingClock = new BillingClock(clock);
    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private final ModuleRegistry registry;
    private final JobQueue jobQueue;
    private final ModuleCommandService moduleCommands;
    private final ModuleQueueService moduleQueue;
    private final ModulesService modules;
    private final InvoiceService invoices;
    private final OrderService orders;
    private final ServiceAccountService services;
    private final UpgradeService upgrades;
    private final JobRunner jobRunner;
    private final AutomationService automation;
    private final CancellationRequests cancellationRequests;
    private final MailOutbox mailOutbox;
    private final EmailsService emails;
    private final DailyFigures dailyFigures;
    private final String jobOwner = "test-" + JobWorkers.newOwner();
    private final List<JobWorkers> workers = new CopyOnWriteArrayList<>();

    private CoreAssembly(Database database, TestDatabase owned) {
        this(database, owned, new Properties(), false);
    }

    private CoreAssembly(Database database, TestDatabase owned, Properties smtpProperties, boolean demo) {
        this.owned = owned;
        this.database = database;
        this.jdbc = database.jdbc();
        this.registry = new ModuleRegistry(database);
        PasswordHasher hasher = PasswordHasher.of(TEST_HASH_MEMORY_KIB, TEST_HASH_PASSES, 0);
        this.catalog = CatalogService.of(jdbc, TEST_CURRENCY);
        this.mailOutbox = new MailOutbox(jdbc);
        this.clients = new ClientsService(jdbc, hasher, mailOutbox);
        this.admins = new AdminsService(jdbc, hasher);
        this.apiCredentials = new ApiCredentialsService(jdbc);
        this.activityLog = new ActivityLogService(jdbc);
        this.moduleLog = new ModuleLogService(jdbc);
        // ---- CORE-FLOW: build the workflow services here
        this.jobQueue = new JobQueue(jdbc);
        this.moduleCommands = new ModuleCommandService(jdbc, catalog, clients, activityLog, registry, hooks, mailOutbox,
                billingClock, metrics);
        this.moduleQueue = new ModuleQueueService(jobQueue, moduleCommands, jdbc, catalog, billingClock);
        this.modules = new ModulesService(jdbc, registry, hooks, activityLog);
        this.invoices = InvoiceService.of(jdbc, catalog, jobQueue, hooks, mailOutbox, billingClock,
                OrderSettings.defaults());
        this.orders = OrderService.of(jdbc, catalog, clients, invoices, jobQueue, hooks, mailOutbox, billingClock,
                OrderSettings.defaults());
        this.services = new ServiceAccountService(jdbc, catalog, hooks, activityLog, billingClock);
        this.upgrades = new UpgradeService(jdbc, catalog, invoices, jobQueue, activityLog, billingClock);
        this.jobRunner = new JobRunner(jobQueue, moduleCommands, TEST_JOB_SETTINGS);
        this.automation = automation(AutomationSettings.defaults(), jobOwner);
        this.cancellationRequests = new CancellationRequestService(jdbc, activityLog, hooks, mailOutbox, billingClock);
        this.emails = EmailsService.of(jdbc, mailOutbox, clients, orders, invoices, services, cancellationRequests,
                catalog, moduleCommands, smtpProperties, demo, billingClock, hasher);
        this.dailyFigures = new DailyFiguresService(jdbc, billingClock);
    }

    /** A fresh in-memory H2 database with a unique name, migrated, with every service on it. */
    public static CoreAssembly h2() {
        TestDatabase db = TestDatabases.create(Dialect.H2);
        return new CoreAssembly(db.database(), db);
    }

    /**
     * A fresh in-memory H2 database with every service; the e-mail service adds {@code smtpProperties} to its SMTP
     * sessions (a test trusts its SMTP server's certificate with them) and stores messages in {@code demo} mode.
     */
    public static CoreAssembly h2WithMail(Properties smtpProperties, boolean demo) {
        TestDatabase db = TestDatabases.create(Dialect.H2);
        return new CoreAssembly(db.database(), db, smtpProperties, demo);
    }

    /** Every service on an already migrated database that the caller keeps and closes. */
    public static CoreAssembly on(Database database) {
        return new CoreAssembly(database, null);
    }

    /** Runs the first-start seeding as the host does (demo: admin/admin, demo-api, Jetpack, demo@example.com). */
    public CoreAssembly seed(boolean demo, String adminPassword, PrintStream console) {
        new Bootstrap(admins, apiCredentials, catalog, clients, console)
                .seed(new Bootstrap.Options(demo, adminPassword == null ? "" : adminPassword));
        return this;
    }

    /** Demo seeding with console output discarded. */
    public CoreAssembly seedDemo() {
        return seed(true, "", new PrintStream(PrintStream.nullOutputStream()));
    }

    public Database database() {
        return database;
    }

    public ModuleDatabase moduleDatabase() {
        return database;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ClientsService clients() {
        return clients;
    }

    public AdminsService admins() {
        return admins;
    }

    public ApiCredentials apiCredentials() {
        return apiCredentials;
    }

    public AuthThrottle authThrottle() {
        return authThrottle;
    }

    public DailyFigures dailyFigures() {
        return dailyFigures;
    }

    public ActivityLog activityLog() {
        return activityLog;
    }

    /** The implementation. */
    public ActivityLogService activityLogService() {
        return activityLog;
    }

    public ModuleLog moduleLog() {
        return moduleLog;
    }

    // ---- CORE-FLOW: getters of the workflow services, module registry helpers and runDueJobs() go here

    /**
     * Job settings of {@link #runDueJobs()}: a failed attempt is retried one second later at the
     * earliest (call {@link #makeJobsDue()} to skip the wait), at most 8 attempts.
     */
    public static final JobSettings TEST_JOB_SETTINGS = new JobSettings(2, 50, 60_000, 8, 1000, 2000, 5000, 2, Map.of());

    /** The clock of everything that bills by the calendar; move it to run renewals. */
    public MutableClock clock() {
        return clock;
    }

    public BillingClock billingClock() {
        return billingClock;
    }

    public Orders orders() {
        return orders;
    }

    public Invoices invoices() {
        return invoices;
    }

    /** Orders with other settings (or another catalog, e.g. one that pauses), on this assembly's database and services. */
    public Orders orders(Catalog catalog, OrderSettings settings) {
        return OrderService.of(jdbc, catalog, clients, invoices(settings), jobQueue, hooks, mailOutbox, billingClock,
                settings);
    }

    /** Invoices with other settings, on this assembly's database and services. */
    public InvoiceService invoices(OrderSettings settings) {
        return InvoiceService.of(jdbc, catalog, jobQueue, hooks, mailOutbox, billingClock, settings);
    }

    public Services services() {
        return services;
    }

    public Upgrades upgrades() {
        return upgrades;
    }

    /** The daily automation with the default settings. */
    public AutomationService automation() {
        return automation;
    }

    /** The automation with other settings, as a host whose lease owner id is {@code owner}, on this database. */
    public AutomationService automation(AutomationSettings settings, String owner) {
        return AutomationService.of(jdbc, jobQueue, invoices, activityLog, hooks, billingClock, mailOutbox, settings, owner,
                metrics);
    }

    /** The e-mail service; {@code emails().deliverDue(owner)} delivers what the events queued. */
    public EmailsService emails() {
        return emails;
    }

    public MailOutbox mailOutbox() {
        return mailOutbox;
    }

    public CancellationRequests cancellationRequests() {
        return cancellationRequests;
    }

    public ModuleCommands moduleCommands() {
        return moduleCommands;
    }

    public ModuleQueue moduleQueue() {
        return moduleQueue;
    }

    public Modules modules() {
        return modules;
    }

    /** Every hook fired, and handlers a test adds (e.g. a Pre hook veto). */
    public RecordingHookPublisher hooks() {
        return hooks;
    }

    public ModuleRegistry moduleRegistry() {
        return registry;
    }

    /** The meter registry the core services count in. */
    public PrometheusMetrics metrics() {
        return metrics;
    }

    public JobQueue jobQueue() {
        return jobQueue;
    }

    /** Registers a server module as its bundle would (service property billing.module.name). */
    public CoreAssembly addServerModule(String name, ServerModule module) {
        registry.addServer(name, module);
        return this;
    }

    /** Unregisters a server module, as when its bundle is removed. */
    public CoreAssembly removeServerModule(String name) {
        registry.removeServer(name);
        return this;
    }

    public CoreAssembly addAddon(String name, AddonModule module) {
        registry.addAddon(name, module);
        return this;
    }

    public CoreAssembly removeAddon(String name) {
        registry.removeAddon(name);
        return this;
    }

    /** Runs every due job on the calling thread (retries that are not yet due wait); answers how many ran. */
    public int runDueJobs() {
        return jobRunner.runDue(jobOwner);
    }

    /** Makes every waiting retry due now, as if its back-off had passed. */
    public CoreAssembly makeJobsDue() {
        jdbc.update("UPDATE jobs SET next_attempt_at = ? WHERE state = 'pending'", System.currentTimeMillis());
        return this;
    }

    /** Starts a real worker pool on this assembly (stopped by {@link #close()}); {@code owner} is its lease owner id. */
    public JobWorkers startWorkers(JobSettings settings, String owner) {
        JobWorkers pool = JobWorkers.of(jobQueue, new JobRunner(jobQueue, moduleCommands, settings), owner);
        workers.add(pool);
        pool.start();
        return pool;
    }

    @Override
    public void close() {
        // ---- CORE-FLOW: stop worker threads here, before the database goes
        workers.forEach(JobWorkers::stop);
        if (owned != null) {
            owned.close();
        }
    }
}
