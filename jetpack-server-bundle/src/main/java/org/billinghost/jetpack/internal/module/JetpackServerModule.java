package org.billinghost.jetpack.internal.module;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.Services;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;
import org.billinghost.api.module.WelcomeEmail;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.ModuleTemplates;
import org.billinghost.jetpack.internal.client.SiteUrls;
import org.billinghost.jetpack.internal.module.ProvisioningRecord.State;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;
import org.billinghost.jetpack.partner.SiteStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jetpack} server module: provisions a Jetpack plan for the service's site when the
 * service is created, cancels it on termination, changes it on a package change, and keeps or
 * cancels it on suspension as the product says. What it provisioned is kept per service
 * ({@link ProvisioningRecords}): Terminate, Change Package and suspension act on the recorded site,
 * not on whatever the Site URL field says later; "Move to another site" moves the plan.
 *
 * <p>Failures are returned, not logged to the activity log here: the host writes every failure
 * of a module command there itself ("Module Create Failed - Service ID: N - JETPACK MODULE: ..."),
 * so logging it here too would double each line.
 */
@Component(service = ServerModule.class, property = ModuleProperties.MODULE_NAME + "=" + JetpackServerModule.NAME)
public final class JetpackServerModule implements ServerModule, WelcomeEmail {
    static final String NAME = "jetpack";
    static final String CHECK_STATUS = "checkStatus";
    static final String MOVE_SITE = "moveSite";
    static final String ACTIVATION_PREFIX = "URL to Activate Jetpack: ";
    static final String KEEP_ON_SUSPENSION = "Keep the plan";
    static final String CANCEL_ON_SUSPENSION = "Cancel the plan, provision it again on unsuspension";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(JetpackServerModule.class);

    private final PartnerApi api;
    private final ModuleTemplates templates;
    private final ProvisioningRecords records;
    private final Services services;

    @Activate
    public JetpackServerModule(@Reference PartnerApi api, @Reference ModuleTemplates templates,
                               @Reference ModuleDatabase database, @Reference Services services) {
        this(api, templates, new ProvisioningRecords(database, Clock.systemUTC()), services);
    }

    JetpackServerModule(PartnerApi api, ModuleTemplates templates, ProvisioningRecords records, Services services) {
        this.api = api;
        this.templates = templates;
        this.records = records;
        this.services = services;
    }

    @Override
    public ServerMetadata metadata() {
        return new ServerMetadata("Jetpack by Automattic", "1.2", false);
    }

    @Override
    public List<ConfigField> configOptions() {
        return List.of(
                ConfigField.text("clientId", "Partner Client ID", "Your Jetpack hosting partner client id."),
                ConfigField.password("clientSecret", "Partner Client Secret", "Your Jetpack hosting partner client secret."),
                ConfigField.dropdown("onSuspension", "On suspension", "What a suspension does to the site's Jetpack"
                        + " plan: keep it, or cancel it and provision it again when the service is unsuspended.",
                        List.of(KEEP_ON_SUSPENSION, CANCEL_ON_SUSPENSION)));
    }

    @Override
    public Set<ModuleCommand> supportedCommands() {
        return EnumSet.of(ModuleCommand.CREATE, ModuleCommand.SUSPEND, ModuleCommand.UNSUSPEND, ModuleCommand.TERMINATE,
                ModuleCommand.CHANGE_PACKAGE, ModuleCommand.TEST_CONNECTION, ModuleCommand.CUSTOM);
    }

    @Override
    public CommandResult createAccount(CommandParams params) {
        String problem = JetpackService.setUpProblem(params, true);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        return provision(params, service, SiteUrls.clean(service.siteUrl()), service.plan().orElseThrow(), true);
    }

    /** Cancels the plan of the recorded site; a plan already cancelled by this module needs nothing more. */
    @Override
    public CommandResult terminateAccount(CommandParams params) {
        String problem = JetpackService.setUpProblem(params, false);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        Optional<ProvisioningRecord> record = records.find(params.serviceId());
        if (record.isPresent() && record.get().state() == State.CANCELLED) {
            return CommandResult.success();
        }
        return cancel(params, service, record);
    }

    /** With "cancel on suspension", cancels the recorded site's plan; otherwise the plan is kept. */
    @Override
    public CommandResult suspendAccount(CommandParams params) {
        if (!cancelsOnSuspension(params)) {
            return CommandResult.success();
        }
        String problem = JetpackService.setUpProblem(params, false);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        Optional<ProvisioningRecord> record = records.find(params.serviceId());
        if (record.isPresent() && !record.get().holdsPlan()) {
            return CommandResult.success();
        }
        return cancel(params, JetpackService.of(params), record);
    }

    /** With "cancel on suspension", provisions the plan again on the recorded site. */
    @Override
    public CommandResult unsuspendAccount(CommandParams params) {
        if (!cancelsOnSuspension(params)) {
            return CommandResult.success();
        }
        String problem = JetpackService.setUpProblem(params, true);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        Optional<ProvisioningRecord> record = records.find(params.serviceId());
        if (record.isPresent() && record.get().holdsPlan()) {
            return CommandResult.success();
        }
        String site = record.map(ProvisioningRecord::site).orElse(SiteUrls.clean(service.siteUrl()));
        SiteStatus status = status(params, service, site);
        return provision(params, service, site, service.plan().orElseThrow(), !(status.outcome().ok() && status.connected()));
    }

    /**
     * Changes the recorded site to the plan in the service's Plan field, without {@code force_register}
     * when the site is connected. A lower plan than the site's current one is refused before asking for it,
     * and nothing changes (the API would refuse it too, with plan_downgrade_disallowed); when the status is
     * unavailable (e.g. the site is not connected yet) the API decides.
     */
    @Override
    public CommandResult changePackage(CommandParams params) {
        String problem = JetpackService.setUpProblem(params, true);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        Plan wanted = service.plan().orElseThrow();
        String site = records.find(params.serviceId()).map(ProvisioningRecord::site)
                .orElse(SiteUrls.clean(service.siteUrl()));
        SiteStatus status = status(params, service, site);
        Optional<Plan> current = status.outcome().ok() ? Plan.parse(status.plan()) : Optional.empty();
        if (current.isPresent() && current.get().compareTo(wanted) > 0) {
            return CommandResult.error(PREFIX + "The site " + site + " has the " + current.get().label()
                    + " plan; changing to " + wanted.label() + " would be a downgrade, which the Jetpack Partner API"
                    + " refuses (plan_downgrade_disallowed). Nothing was changed. Choose a plan at least as high as "
                    + current.get().label() + ", or terminate this service and order the lower plan for a new site.");
        }
        boolean connected = status.outcome().ok() && status.connected();
        return provision(params, service, site, wanted, !connected);
    }

    @Override
    public CommandResult testConnection(CommandParams params) {
        ApiOutcome outcome = api.validateCredentials(JetpackService.of(params).credentials());
        return outcome.ok() ? new CommandResult(true, PREFIX + outcome.message(), CommandResult.Failure.NONE, null)
                : CommandResults.of(outcome);
    }

    @Override
    public Map<String, String> adminCustomButtons() {
        Map<String, String> buttons = new LinkedHashMap<>();
        buttons.put("Check Status", CHECK_STATUS);
        buttons.put("Move to another site", MOVE_SITE);
        return buttons;
    }

    @Override
    public CommandResult custom(String function, CommandParams params) {
        if (!CHECK_STATUS.equals(function) && !MOVE_SITE.equals(function)) {
            return CommandResult.error(PREFIX + "Unknown function '" + function + "'. The Jetpack module offers Check"
                    + " Status and Move to another site.");
        }
        String problem = JetpackService.setUpProblem(params, MOVE_SITE.equals(function));
        if (problem != null) {
            return CommandResult.error(problem);
        }
        return MOVE_SITE.equals(function) ? moveSite(params) : checkStatus(params);
    }

    private CommandResult checkStatus(CommandParams params) {
        JetpackService service = JetpackService.of(params);
        String site = records.find(params.serviceId()).map(ProvisioningRecord::site)
                .orElse(SiteUrls.clean(service.siteUrl()));
        SiteStatus status = status(params, service, site);
        if (!status.outcome().ok()) {
            return CommandResults.of(status.outcome());
        }
        String plan = status.plan().isEmpty() ? "none" : Plan.parse(status.plan()).map(Plan::label).orElse(status.plan());
        return new CommandResult(true, PREFIX + "Jetpack status of " + site + ": plan "
                + plan + "; partner plan: " + yesNo(status.partnerPlan()) + "; provisioned by this partner: "
                + yesNo(status.provisionedByCallingPartner()) + "; connected: " + yesNo(status.connected())
                + "; plan waiting for connection: " + yesNo(status.pendingPlan()) + ".", CommandResult.Failure.NONE, null);
    }

    /**
     * Cancels the plan where it is recorded and provisions it for the site in the Site URL field. Run
     * again after a failure, it carries on: a cancelled or failed record is not cancelled again.
     */
    private CommandResult moveSite(CommandParams params) {
        JetpackService service = JetpackService.of(params);
        String target = SiteUrls.clean(service.siteUrl());
        Optional<ProvisioningRecord> record = records.find(params.serviceId());
        if (record.isPresent() && record.get().holdsPlan() && record.get().site().equals(target)) {
            return CommandResult.error(PREFIX + "The plan is already on " + target + ". To move it, first enter the"
                    + " new site in the service's Site URL field and save.");
        }
        if (record.isPresent() && record.get().holdsPlan()) {
            CommandResult cancelled = cancel(params, service, record);
            if (!cancelled.succeeded()) {
                return cancelled;
            }
        }
        return provision(params, service, target, service.plan().orElseThrow(), true);
    }

    @Override
    public Map<String, String> adminServicesTabFields(CommandParams params) {
        JetpackService service = JetpackService.of(params);
        Optional<ProvisioningRecord> record = records.find(params.serviceId());
        String fieldSite = SiteUrls.clean(service.siteUrl());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Jetpack Plan", service.plan().map(Plan::label).orElse(service.planValue()));
        fields.put("Jetpack Site", record.map(r -> r.site() + (r.blogId() > 0 ? " (blog id " + r.blogId() + ")" : ""))
                .orElse(fieldSite));
        fields.put("Provisioning", record.map(JetpackServerModule::describe).orElse("Not provisioned yet."));
        if (record.isPresent() && record.get().holdsPlan() && !record.get().site().equals(fieldSite)) {
            fields.put("Site URL changed", "The plan stays on " + record.get().site() + ": the Site URL field now says "
                    + fieldSite + ". Use Move to another site to cancel the plan there and provision it here.");
        }
        record.filter(r -> !r.lastError().isEmpty()).ifPresent(r -> fields.put("Last error", r.lastError()));
        fields.put("Provisioning details", service.details().isEmpty() ? "Not provisioned yet." : service.details());
        return fields;
    }

    /** The service's box in the client area, from {@code templates/client-area.ftlh}. */
    @Override
    public Optional<String> clientArea(CommandParams params) {
        ServiceStatus status = params.status().orElse(null);
        JetpackService service = JetpackService.of(params);
        Optional<ProvisioningRecord> record = records.find(params.serviceId());
        String details = service.details();
        String url = activationUrl(details);
        boolean recordedCancel = record.isPresent() && record.get().state() == State.CANCELLED;
        // a terminated or cancelled plan keeps its old activation link in the details: never offer it again
        boolean cancelled = recordedCancel || status == ServiceStatus.TERMINATED || status == ServiceStatus.CANCELLED;
        Map<String, Object> model = new HashMap<>();
        model.put("site", record.map(ProvisioningRecord::site).orElse(SiteUrls.clean(service.siteUrl())));
        model.put("status", status == null ? "" : status.label());
        model.put("cancelled", cancelled);
        model.put("cancelledOn", recordedCancel && record.get().cancelledAt() != null
                ? DATE.format(record.get().cancelledAt()) : "");
        model.put("returnsOnUnsuspension", recordedCancel && status == ServiceStatus.SUSPENDED && cancelsOnSuspension(params));
        model.put("details", details);
        model.put("activationUrl", url);
        return Optional.of(templates.render("client-area.ftlh", model));
    }

    /**
     * The product welcome e-mail's {@code activationUrl} (the link the client area shows) or, while the site
     * cannot be connected yet, {@code waitingMessage} (the provisioning details the client area shows).
     */
    @Override
    public Map<String, String> welcomeVariables(CommandParams params) {
        String details = JetpackService.of(params).details();
        String url = activationUrl(details);
        return Map.of("activationUrl", url, "waitingMessage", url.isEmpty() ? details : "");
    }

    /** The activation link of the provisioning details; empty when there is none. */
    private static String activationUrl(String details) {
        String url = details.startsWith(ACTIVATION_PREFIX) ? details.substring(ACTIVATION_PREFIX.length()).trim() : "";
        // only web links count: the details come from a remote API
        return url.startsWith("https://") || url.startsWith("http://") ? url : "";
    }

    private CommandResult provision(CommandParams params, JetpackService service, String site, Plan plan,
                                    boolean forceRegister) {
        ProvisionResult provisioned = api.provision(service.credentials(), plan, site, service.localUser(), forceRegister);
        if (!provisioned.outcome().ok()) {
            records.failed(params.serviceId(), site, plan.slug(), provisioned.outcome().message());
            return CommandResults.of(provisioned.outcome());
        }
        try {
            records.provisioned(params.serviceId(), site, plan.slug(), provisioned.waiting() ? State.WAITING : State.PROVISIONED);
            params.saveCustomField(JetpackService.DETAILS, provisioned.details());
        } catch (RuntimeException e) {
            LOG.error("Could not save the Jetpack provisioning record or details service={}", params.serviceId(), e);
            // provisioning the same plan again is safe, so a retry repairs this
            return CommandResult.transientError(PREFIX + "The " + plan.label() + " plan was provisioned for " + site
                    + ", but this could not be saved to the service. Run the command again: provisioning the same plan"
                    + " again is safe.", null);
        }
        showSiteAsDomain(params, site);
        return CommandResult.success();
    }

    /** Cancels the plan of the recorded site (the Site URL field's when there is no record) and records it. */
    private CommandResult cancel(CommandParams params, JetpackService service, Optional<ProvisioningRecord> record) {
        String site = record.map(ProvisioningRecord::site).orElse(SiteUrls.clean(service.siteUrl()));
        String plan = record.map(ProvisioningRecord::plan).orElse(service.plan().map(Plan::slug).orElse(service.planValue()));
        ApiOutcome outcome = api.cancel(service.credentials(), site);
        try {
            if (outcome.ok()) {
                records.cancelled(params.serviceId(), site, plan);
            } else {
                records.failed(params.serviceId(), site, plan, outcome.message());
            }
        } catch (RuntimeException e) {
            LOG.error("Could not save the Jetpack provisioning record service={}", params.serviceId(), e);
            if (outcome.ok()) {
                return CommandResult.transientError(PREFIX + "The Jetpack plan of " + site + " was cancelled, but this"
                        + " could not be saved to the service. Run the command again.", null);
            }
        }
        return CommandResults.of(outcome);
    }

    /** The service's Domain shows the site in the client area's card, the client summary and lists. */
    private void showSiteAsDomain(CommandParams params, String site) {
        if (site.equals(params.domain())) {
            return;
        }
        try {
            services.update(params.serviceId(), new ServiceUpdate(site, null, null, null));
        } catch (RuntimeException e) {
            // the plan is provisioned: a Domain left as it was is cosmetic
            LOG.warn("Could not set the service's domain to the Jetpack site service={} site={}: {}",
                    params.serviceId(), site, e.getMessage());
        }
    }

    /** Asks for the site's status and keeps the blog id it gives in the record (a debugging aid: failures are logged). */
    private SiteStatus status(CommandParams params, JetpackService service, String site) {
        SiteStatus status = api.status(service.credentials(), site);
        if (status.outcome().ok() && status.blogId() > 0) {
            try {
                records.blogId(params.serviceId(), site, status.blogId());
            } catch (RuntimeException e) {
                LOG.warn("Could not record the Jetpack blog id service={}: {}", params.serviceId(), e.getMessage());
            }
        }
        return status;
    }

    private static boolean cancelsOnSuspension(CommandParams params) {
        return CANCEL_ON_SUSPENSION.equals(params.configOption(3).trim());
    }

    private static String describe(ProvisioningRecord record) {
        return switch (record.state()) {
            case PROVISIONED -> record.plan() + " provisioned on " + date(record.provisionedAt());
            case WAITING -> record.plan() + " provisioned on " + date(record.provisionedAt())
                    + ", waiting for the site's domain to resolve";
            case CANCELLED -> "cancelled on " + date(record.cancelledAt());
            case FAILED -> "failed, nothing provisioned";
        };
    }

    private static String date(Instant instant) {
        return instant == null ? "an unknown date" : DATE.format(instant);
    }


    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
