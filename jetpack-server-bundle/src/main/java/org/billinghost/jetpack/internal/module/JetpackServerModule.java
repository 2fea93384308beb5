package org.billinghost.jetpack.internal.module;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;
import org.billinghost.api.platform.ModuleTemplates;
import org.billinghost.jetpack.internal.client.SiteUrls;
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
 * service is created, cancels it on termination, upgrades it on a package change.
 *
 * <p>Failures are returned, not logged to the activity log here: the host writes every failure
 * of an automatic command there itself ("Module Create Failed - Service ID: N - JETPACK MODULE: ..."),
 * so logging it here too would double each line.
 */
@Component(service = ServerModule.class, property = ModuleProperties.MODULE_NAME + "=" + JetpackServerModule.NAME)
public final class JetpackServerModule implements ServerModule {
    static final String NAME = "jetpack";
    static final String CHECK_STATUS = "checkStatus";
    static final String ACTIVATION_PREFIX = "URL to Activate Jetpack: ";
    private static final Logger LOG = LoggerFactory.getLogger(JetpackServerModule.class);

    private final PartnerApi api;
    private final ModuleTemplates templates;

    @Activate
    public JetpackServerModule(@Reference PartnerApi api, @Reference ModuleTemplates templates) {
        this.api = api;
        this.templates = templates;
    }

    @Override
    public ServerMetadata metadata() {
        return new ServerMetadata("Jetpack by Automattic", "1.1", false);
    }

    @Override
    public List<ConfigField> configOptions() {
        return List.of(
                ConfigField.text("clientId", "Partner Client ID", "Your Jetpack hosting partner client id."),
                ConfigField.password("clientSecret", "Partner Client Secret", "Your Jetpack hosting partner client secret."));
    }

    @Override
    public Set<ModuleCommand> supportedCommands() {
        return EnumSet.of(ModuleCommand.CREATE, ModuleCommand.TERMINATE, ModuleCommand.CHANGE_PACKAGE,
                ModuleCommand.TEST_CONNECTION, ModuleCommand.CUSTOM);
    }

    @Override
    public CommandResult createAccount(CommandParams params) {
        String problem = JetpackService.setUpProblem(params, true);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        return provision(params, service, service.plan().orElseThrow());
    }

    @Override
    public CommandResult terminateAccount(CommandParams params) {
        String problem = JetpackService.setUpProblem(params, false);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        return result(api.cancel(service.credentials(), service.siteUrl()));
    }

    /**
     * Upgrades to the plan in the service's Plan field. A lower plan than the site's current one
     * is refused before asking for it (the API would refuse it too, with plan_downgrade_disallowed);
     * when the status is unavailable (e.g. the site is not connected yet) the API decides.
     */
    @Override
    public CommandResult changePackage(CommandParams params) {
        String problem = JetpackService.setUpProblem(params, true);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        Plan wanted = service.plan().orElseThrow();
        SiteStatus status = api.status(service.credentials(), service.siteUrl());
        Optional<Plan> current = status.outcome().ok() ? Plan.parse(status.plan()) : Optional.empty();
        if (current.isPresent() && current.get().compareTo(wanted) > 0) {
            return CommandResult.error(PREFIX + "The site " + SiteUrls.clean(service.siteUrl()) + " has the "
                    + current.get().label() + " plan; changing to " + wanted.label() + " would be a downgrade, which"
                    + " the Jetpack Partner API refuses (plan_downgrade_disallowed). Choose a plan at least as high as "
                    + current.get().label() + ", or terminate this service and order the lower plan for a new site.");
        }
        return provision(params, service, wanted);
    }

    @Override
    public CommandResult testConnection(CommandParams params) {
        ApiOutcome outcome = api.validateCredentials(JetpackService.of(params).credentials());
        return outcome.ok() ? new CommandResult(true, PREFIX + outcome.message(), CommandResult.Failure.NONE, null)
                : result(outcome);
    }

    @Override
    public Map<String, String> adminCustomButtons() {
        return Map.of("Check Status", CHECK_STATUS);
    }

    @Override
    public CommandResult custom(String function, CommandParams params) {
        if (!CHECK_STATUS.equals(function)) {
            return CommandResult.error(PREFIX + "Unknown function '" + function + "'. The Jetpack module offers only Check Status.");
        }
        String problem = JetpackService.setUpProblem(params, false);
        if (problem != null) {
            return CommandResult.error(problem);
        }
        JetpackService service = JetpackService.of(params);
        SiteStatus status = api.status(service.credentials(), service.siteUrl());
        if (!status.outcome().ok()) {
            return result(status.outcome());
        }
        String plan = status.plan().isEmpty() ? "none" : Plan.parse(status.plan()).map(Plan::label).orElse(status.plan());
        return new CommandResult(true, PREFIX + "Jetpack status of " + SiteUrls.clean(service.siteUrl()) + ": plan "
                + plan + "; partner plan: " + yesNo(status.partnerPlan()) + "; provisioned by this partner: "
                + yesNo(status.provisionedByCallingPartner()) + "; connected: " + yesNo(status.connected())
                + "; plan waiting for connection: " + yesNo(status.pendingPlan()) + ".", CommandResult.Failure.NONE, null);
    }

    @Override
    public Map<String, String> adminServicesTabFields(CommandParams params) {
        JetpackService service = JetpackService.of(params);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Jetpack Plan", service.plan().map(Plan::label).orElse(service.planValue()));
        fields.put("Jetpack Site", SiteUrls.clean(service.siteUrl()));
        fields.put("Provisioning Details", service.details().isEmpty() ? "Not provisioned yet." : service.details());
        return fields;
    }

    /** The service's box in the client area, from {@code templates/client-area.ftlh}. */
    @Override
    public Optional<String> clientArea(CommandParams params) {
        ServiceStatus status = params.status().orElse(null);
        String details = JetpackService.of(params).details();
        String url = details.startsWith(ACTIVATION_PREFIX) ? details.substring(ACTIVATION_PREFIX.length()).trim() : "";
        // only web links become clickable: the details come from a remote API
        boolean link = url.startsWith("https://") || url.startsWith("http://");
        return Optional.of(templates.render("client-area.ftlh", Map.of(
                "status", status == null ? "" : status.label(),
                // a terminated or cancelled plan keeps its old activation link in the details: never offer it again
                "cancelled", status == ServiceStatus.TERMINATED || status == ServiceStatus.CANCELLED,
                "details", details,
                "activationUrl", link ? url : "")));
    }

    private CommandResult provision(CommandParams params, JetpackService service, Plan plan) {
        ProvisionResult provisioned = api.provision(service.credentials(), plan, service.siteUrl(), service.localUser());
        if (!provisioned.outcome().ok()) {
            return result(provisioned.outcome());
        }
        try {
            params.saveCustomField(JetpackService.DETAILS, provisioned.details());
            return CommandResult.success();
        } catch (RuntimeException e) {
            LOG.error("Could not save the Jetpack provisioning details service={}", params.serviceId(), e);
            // provisioning the same plan again is safe, so a retry repairs this
            return CommandResult.transientError(PREFIX + "The " + plan.label() + " plan was provisioned, but its details"
                    + " could not be saved to the service (" + e.getMessage() + "). Run the command again: provisioning"
                    + " the same plan again is safe.", null);
        }
    }

    private static CommandResult result(ApiOutcome outcome) {
        if (outcome.ok()) {
            return CommandResult.success();
        }
        return outcome.transientFailure() ? CommandResult.transientError(outcome.message(), outcome.retryAfter())
                : CommandResult.error(outcome.message());
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
