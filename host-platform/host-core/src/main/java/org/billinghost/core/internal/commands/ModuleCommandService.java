package org.billinghost.core.internal.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ClientDetails;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ServerModule;
import org.billinghost.api.module.WelcomeEmail;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Metrics;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.mail.MailOutbox;
import org.billinghost.core.internal.mail.MailTemplate;
import org.billinghost.core.internal.modules.ModuleRegistry;
import org.billinghost.core.internal.orders.CustomFieldValues;
import org.billinghost.core.internal.orders.ServiceRow;
import org.billinghost.core.internal.orders.ServiceStore;
import org.billinghost.core.internal.time.BillingClock;
import org.billinghost.core.internal.upgrades.ProductChanges;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs server-module commands: Pre hook (may veto), the service's status changed with
 * compare-and-set around the module call, activity-log line and After/AfterFailed hook. Whatever
 * a module throws becomes a permanent failure; nothing propagates to the caller.
 */
@Component(service = {ModuleCommands.class, ModuleCommandService.class})
public final class ModuleCommandService implements ModuleCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCommandService.class);
    /** The column services.suspend_reason is VARCHAR(255). */
    private static final int MAX_SUSPEND_REASON = 255;
    /** Counter of module command outcomes (success, transient, permanent) per module and command. */
    static final String METRIC = "billing.module.commands";

    private final Jdbc jdbc;
    private final ServiceStore services;
    private final CustomFieldValues fieldValues;
    private final Catalog catalog;
    private final Clients clients;
    private final ActivityLog activity;
    private final ModuleRegistry registry;
    private final HookPublisher hooks;
    private final MailOutbox mail;
    private final ProductChanges changes;
    private final Metrics metrics;

    @Activate
    public ModuleCommandService(@Reference Jdbc jdbc, @Reference Catalog catalog, @Reference Clients clients,
                                @Reference ActivityLog activity, @Reference ModuleRegistry registry,
                                @Reference HookPublisher hooks, @Reference MailOutbox mail,
                                @Reference BillingClock clock, @Reference Metrics metrics) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.services = new ServiceStore(jdbc, clock);
        this.fieldValues = new CustomFieldValues(jdbc);
        this.catalog = catalog;
        this.clients = clients;
        this.activity = activity;
        this.registry = registry;
        this.hooks = hooks;
        this.changes = new ProductChanges(jdbc, catalog, activity, hooks, clock);
        this.metrics = metrics;
    }

    /** What commands answer when the module's bundle is gone. */
    public static String unavailableMessage(String module) {
        return "Module '" + module + "' is not available: its bundle is not installed or not active.";
    }

    @Override
    public CommandResult run(long serviceId, ModuleCommand command, String customFunction, AdminIdentity admin) {
        if (command == null) {
            throw BillingException.invalid("A module command is required");
        }
        if (command == ModuleCommand.CUSTOM && (customFunction == null || customFunction.isBlank())) {
            throw BillingException.invalid("A custom module command needs the function name of one of the module's buttons");
        }
        return execute(serviceId, command, customFunction, admin, false, null, "");
    }

    @Override
    public CommandResult suspend(long serviceId, String reason, AdminIdentity admin) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_SUSPEND_REASON) {
            throw BillingException.invalid("suspendreason", "The suspension reason is longer than "
                    + MAX_SUSPEND_REASON + " characters");
        }
        return execute(serviceId, ModuleCommand.SUSPEND, null, admin, false, null, why);
    }

    /**
     * Runs a command for a service.
     *
     * @param takeOver the caller is a job resuming a Create whose previous owner died while the service was Provisioning
     * @param change   a ChangePackage that moves the service to another product or cycle (null for none): the
     *                 module sees the new product, and the switch is committed with the success
     * @param suspendReason for a Suspend, the reason recorded with the new status (empty: the current one stays)
     */
    CommandResult execute(long serviceId, ModuleCommand command, String customFunction, AdminIdentity admin,
                          boolean takeOver, ProductChanges.Change change, String suspendReason) {
        ServiceRow service = services.find(serviceId)
                .orElseThrow(() -> BillingException.notFound("Service " + serviceId + " not found"));
        Attempt attempt = new Attempt(service, command, customFunction, change, suspendReason);
        Product product = change != null ? change.product() : catalog.product(service.productId()).orElse(null);
        if (change != null && product.module().isEmpty()) {
            // nothing to provision: a product without a module changes in the database alone
            Optional<CommandResult> refusal = StatusRules.refusal(service, command, false);
            if (refusal.isPresent()) {
                return attempt.refused(refusal.get());
            }
            jdbc.inTransaction(() -> {
                change.succeeded(service);
                return null;
            });
            return CommandResult.success();
        }
        if (product == null || product.module().isEmpty()) {
            return attempt.failed(CommandResult.error("Service " + serviceId + " has no server module: its product "
                    + (product == null ? "no longer exists" : "'" + product.name() + "' names none")));
        }
        attempt.module = product.module();
        ServerModule module = registry.server(product.module()).orElse(null);
        if (module == null) {
            return attempt.failed(CommandResult.transientError(unavailableMessage(product.module()), null));
        }
        Optional<String> unsupported = unsupported(module, command, customFunction);
        if (unsupported.isPresent()) {
            return attempt.failed(CommandResult.error(unsupported.get()));
        }
        Optional<CommandResult> refusal = StatusRules.refusal(service, command, takeOver);
        if (refusal.isPresent()) {
            return attempt.refused(refusal.get());
        }
        List<String> veto = preHook(attempt);
        if (!veto.isEmpty()) {
            return attempt.failed(CommandResult.error("Aborted by a " + HookTopics.pre(command).substring(HookTopics.PREFIX.length())
                    + " hook: " + String.join("; ", veto)));
        }
        if (command == ModuleCommand.CREATE && !services.compareAndSet(serviceId, ServiceStatus.PENDING, ServiceStatus.PROVISIONING)
                && !(takeOver && service.status() == ServiceStatus.PROVISIONING)) {
            ServiceRow now = services.find(serviceId).orElse(service);
            return attempt.refused(StatusRules.refusal(now, command, false)
                    .orElse(CommandResult.transientError("Service " + serviceId + " changed while Create was starting", null)));
        }
        if (change != null) {
            change.prepare(service);
        }
        CommandResult result = call(module, command, customFunction,
                new ServiceCommandParams(service, product, clientDetails(service.clientId()), fieldValues,
                        customFunction, admin), product.module(), serviceId);
        if (command == ModuleCommand.CREATE && !result.succeeded()) {
            services.compareAndSet(serviceId, ServiceStatus.PROVISIONING, ServiceStatus.PENDING);
        }
        return result.succeeded() ? attempt.succeeded(result, StatusRules.after(command, command == ModuleCommand.TERMINATE
                && jdbc.queryLong("SELECT COUNT(*) FROM cancel_requests WHERE service_id = ?", serviceId) > 0))
                : attempt.failed(result);
    }

    /**
     * The module a job will call: the new product's for a package change, otherwise the service's product's; empty
     * when there is none (the job fails without calling any).
     */
    String moduleOf(Job job) {
        if (job.command() == ModuleCommand.CHANGE_PACKAGE && ProductChanges.names(job.customFunction())) {
            Optional<ProductChanges.Change> change = changes.pending(job.customFunction());
            if (change.isPresent()) {
                return change.get().product().module();
            }
        }
        return services.find(job.serviceId()).flatMap(service -> catalog.product(service.productId()))
                .map(Product::module).orElse("");
    }

    /**
     * Runs a job's command as the host (no admin). A Create for a service that is already Active
     * (an admin ran it meanwhile) has nothing left to do and succeeds.
     */
    CommandResult runJob(Job job) {
        Optional<ServiceRow> service = services.find(job.serviceId());
        if (service.isEmpty()) {
            String message = "Service " + job.serviceId() + " not found";
            activity.log("Module " + job.command().hookName() + " Failed - Service ID: " + job.serviceId() + " - "
                    + message, 0);
            return CommandResult.error(message);
        }
        if (job.command() == ModuleCommand.CREATE && service.get().status() == ServiceStatus.ACTIVE) {
            return CommandResult.success();
        }
        ProductChanges.Change change = null;
        if (job.command() == ModuleCommand.CHANGE_PACKAGE && ProductChanges.names(job.customFunction())) {
            change = changes.pending(job.customFunction()).orElse(null);
            if (change == null) {
                return CommandResult.error("The product change of this job is no longer pending (applied, failed,"
                        + " cancelled, or its new product was deleted)");
            }
        }
        CommandResult result;
        try {
            result = execute(job.serviceId(), job.command(), change == null ? job.customFunction() : "", null,
                    job.takenOver(), change, "");
        } catch (BillingException e) {
            result = CommandResult.error(e.getMessage());
        }
        if (job.takenOver() && job.command() == ModuleCommand.CREATE && !result.succeeded()) {
            // A take-over that failed before reaching the module (after a restart: the module not registered yet)
            // leaves the dead owner's Provisioning behind, and its retry, no take-over, would be refused as "Create is
            // already running" until the attempts run out: the service would stay Provisioning for good.
            services.compareAndSet(job.serviceId(), ServiceStatus.PROVISIONING, ServiceStatus.PENDING);
        }
        return result;
    }

    @Override
    public CommandResult testConnection(String moduleName, List<String> configOptions) {
        ServerModule module = registry.server(moduleName).orElse(null);
        if (module == null) {
            return CommandResult.error(unavailableMessage(moduleName));
        }
        if (!module.supportedCommands().contains(ModuleCommand.TEST_CONNECTION)) {
            return CommandResult.error("The module '" + moduleName + "' does not support TestConnection");
        }
        return call(module, ModuleCommand.TEST_CONNECTION, "",
                new OptionsOnlyParams(configOptions == null ? List.of() : configOptions), moduleName, 0);
    }

    @Override
    public Set<ModuleCommand> supported(long serviceId) {
        return withModule(serviceId, (module, params) -> Set.copyOf(module.supportedCommands()), Set.of());
    }

    @Override
    public Set<ModuleCommand> allowed(long serviceId) {
        ServiceRow service = services.find(serviceId)
                .orElseThrow(() -> BillingException.notFound("Service " + serviceId + " not found"));
        return supported(serviceId).stream()
                .filter(command -> StatusRules.refusal(service, command, false).isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<String, String> customButtons(long serviceId) {
        return withModule(serviceId, (module, params) -> Map.copyOf(module.adminCustomButtons()), Map.of());
    }

    @Override
    public Map<String, String> adminTabFields(long serviceId) {
        return withModule(serviceId, (module, params) -> Map.copyOf(module.adminServicesTabFields(params.get())), Map.of());
    }

    @Override
    public Optional<String> clientArea(long serviceId) {
        return withModule(serviceId, (module, params) -> module.clientArea(params.get()), Optional.empty());
    }

    /**
     * What the service's module adds to the product welcome e-mail ({@link WelcomeEmail}); empty when its
     * module does not contribute, is gone, or fails.
     */
    public Map<String, String> welcomeVariables(long serviceId) {
        return withModule(serviceId, (module, params) -> module instanceof WelcomeEmail welcome
                ? Map.copyOf(welcome.welcomeVariables(params.get())) : Map.<String, String>of(), Map.of());
    }

    private interface ModuleQuery<T> {
        T ask(ServerModule module, java.util.function.Supplier<CommandParams> params);
    }

    /** Asks the service's module something for display; {@code fallback} when it is gone or fails. */
    private <T> T withModule(long serviceId, ModuleQuery<T> query, T fallback) {
        ServiceRow service = services.find(serviceId)
                .orElseThrow(() -> BillingException.notFound("Service " + serviceId + " not found"));
        Product product = catalog.product(service.productId()).orElse(null);
        ServerModule module = product == null ? null : registry.server(product.module()).orElse(null);
        if (module == null) {
            return fallback;
        }
        try {
            T answer = query.ask(module, () -> new ServiceCommandParams(service, product,
                    clientDetails(service.clientId()), fieldValues, "", null));
            return answer == null ? fallback : answer;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Module failed to answer for display: module={} service={}", product.module(), serviceId, e);
            return fallback;
        }
    }

    private static Optional<String> unsupported(ServerModule module, ModuleCommand command, String customFunction) {
        try {
            if (command == ModuleCommand.CUSTOM) {
                return module.adminCustomButtons().containsValue(customFunction) ? Optional.empty()
                        : Optional.of("The module has no custom function '" + customFunction + "'");
            }
            return module.supportedCommands().contains(command) ? Optional.empty()
                    : Optional.of("The module does not support " + command.functionName());
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("The module failed: " + describe(e));
        }
    }

    /** Calls the module; a thrown exception or a null answer is a permanent failure. */
    private static CommandResult call(ServerModule module, ModuleCommand command, String customFunction,
                                      CommandParams params, String moduleName, long serviceId) {
        try {
            CommandResult result = command == ModuleCommand.CUSTOM ? module.custom(customFunction, params)
                    : module.run(command, params);
            return result != null ? result : CommandResult.error("The module returned no result");
        } catch (Throwable e) { // a module's bug must never take the host's caller down with it
            LOG.error("Module threw from a command: module={} command={} service={}", moduleName,
                    command.functionName(), serviceId, e);
            return CommandResult.error("The module failed: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private List<String> preHook(Attempt attempt) {
        List<String> veto = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Object> properties = attempt.properties();
        properties.put(HookTopics.VETO, veto);
        try {
            hooks.send(HookTopics.pre(attempt.command), properties);
        } catch (RuntimeException e) {
            LOG.warn("Pre hook delivery failed: command={} service={}", attempt.command.functionName(), attempt.service.id(), e);
        }
        synchronized (veto) {
            return veto.stream().filter(v -> v != null && !v.isBlank()).toList();
        }
    }

    private ClientDetails clientDetails(long clientId) {
        return clients.get(clientId).map(ModuleCommandService::details)
                .orElse(new ClientDetails(clientId, "", "", "", "", ""));
    }

    private static ClientDetails details(Client c) {
        return new ClientDetails(c.id(), c.firstName(), c.lastName(), c.email(), c.companyName(), c.country());
    }

    /** One run of one command: writes its outcome to the activity log and fires its After hook. */
    /**
     * A Pending order becomes Active once none of its services waits to be set up (WHMCS leaves that to an
     * admin's Accept; here setting the services up is the acceptance). Inside the Create's commit.
     */
    private void activateOrderWhenSetUp(ServiceRow service) {
        if (service.orderId() > 0 && jdbc.update("UPDATE orders SET status = 'Active', updated = ? WHERE id = ?"
                + " AND status = 'Pending' AND NOT EXISTS (SELECT 1 FROM services s WHERE s.order_id = ?"
                + " AND s.status IN ('Pending', 'Provisioning'))", System.currentTimeMillis(), service.orderId(),
                service.orderId()) == 1) {
            activity.log("Order Active (its services are set up) - Order ID: " + service.orderId(), service.clientId());
        }
    }

    private final class Attempt {
        final ServiceRow service;
        final ModuleCommand command;
        final String customFunction;
        final ProductChanges.Change change;
        final String suspendReason;
        String module = "";

        Attempt(ServiceRow service, ModuleCommand command, String customFunction, ProductChanges.Change change,
                String suspendReason) {
            this.service = service;
            this.command = command;
            this.customFunction = customFunction == null ? "" : customFunction;
            this.change = change;
            this.suspendReason = suspendReason;
        }

        String label() {
            return command == ModuleCommand.CUSTOM ? "Custom Function " + customFunction : command.hookName();
        }

        Map<String, Object> properties() {
            Map<String, Object> properties = new HashMap<>();
            properties.put(HookTopics.SERVICE_ID, service.id());
            properties.put(HookTopics.CLIENT_ID, service.clientId());
            properties.put(HookTopics.ORDER_ID, service.orderId());
            properties.put(HookTopics.PRODUCT_ID, service.productId());
            properties.put(HookTopics.MODULE, module);
            properties.put(HookTopics.COMMAND, command.functionName());
            return properties;
        }

        /** Keeps the module's own success message (e.g. a status check's answer). */
        CommandResult succeeded(CommandResult result, Optional<ServiceStatus> newStatus) {
            // status and log line in one commit: each commit is a store of the H2 file (WRITE_DELAY=0)
            jdbc.inTransaction(() -> {
                newStatus.ifPresent(status -> {
                    ServiceStatus from = command == ModuleCommand.CREATE ? ServiceStatus.PROVISIONING : service.status();
                    if (!services.compareAndSet(service.id(), from, status)) {
                        LOG.warn("Service changed while its command ran; status not set: service={} command={} status={}",
                                service.id(), command.functionName(), status.label());
                    } else {
                        if (status == ServiceStatus.SUSPENDED && !suspendReason.isEmpty()) {
                            services.suspendReason(service.id(), suspendReason);
                        }
                        queueMail(from, status);
                    }
                });
                activity.log("Module " + label() + " Successful - Service ID: " + service.id(), service.clientId());
                if (command == ModuleCommand.CREATE) {
                    activateOrderWhenSetUp(service);
                }
                if (change != null) {
                    change.succeeded(service);
                }
                return null;
            });
            hooks.post(HookTopics.after(command), properties());
            countOutcome("success");
            return result;
        }

        /** The customer's e-mail of a status change the command made, queued in the change's transaction. */
        private void queueMail(ServiceStatus from, ServiceStatus to) {
            MailTemplate template = from == to ? null : switch (command) {
                case CREATE -> to == ServiceStatus.ACTIVE ? MailTemplate.PRODUCT_WELCOME : null;
                case SUSPEND -> MailTemplate.SERVICE_SUSPENSION;
                case UNSUSPEND -> MailTemplate.SERVICE_UNSUSPENSION;
                default -> null;
            };
            if (template == MailTemplate.PRODUCT_WELCOME) {
                // a service is welcomed once, with its product's welcome template
                mail.queueWelcome(service.clientId(), service.id());
            } else if (template != null) {
                // each suspension and unsuspension is an event of its own
                mail.queue(template, service.clientId(), service.id(), service.id() + ":" + java.util.UUID.randomUUID());
            }
        }

        /** A failure: activity-log line and AfterModule...Failed hook. */
        CommandResult failed(CommandResult result) {
            failChange(result);
            activity.log("Module " + label() + " Failed - Service ID: " + service.id() + " - " + result.message(),
                    service.clientId());
            Map<String, Object> properties = properties();
            properties.put(HookTopics.ERROR, result.message());
            hooks.post(HookTopics.afterFailed(command), properties);
            countOutcome(result.failure() == CommandResult.Failure.TRANSIENT ? "transient" : "permanent");
            return result;
        }

        private void failChange(CommandResult result) {
            if (change != null) {
                change.failed(result.message(), result.failure() != CommandResult.Failure.TRANSIENT);
            }
        }

        /** Counts a command the module ran (or was asked to run); none without a module. */
        private void countOutcome(String outcome) {
            if (!module.isEmpty()) {
                metrics.count(METRIC, "module", module, "command", command.hookName(), "outcome", outcome);
            }
        }

        /** Refused because of the service's status: logged, no hook (the command did not run). */
        CommandResult refused(CommandResult result) {
            failChange(result);
            activity.log("Module " + label() + " Failed - Service ID: " + service.id() + " - " + result.message(),
                    service.clientId());
            return result;
        }
    }
}
