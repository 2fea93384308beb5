package org.billinghost.jetpack.internal.licensing;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.billinghost.api.module.CommandParams;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.FieldType;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.module.ServerMetadata;
import org.billinghost.api.module.ServerModule;
import org.billinghost.api.module.WelcomeEmail;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.ModuleTemplates;
import org.billinghost.jetpack.internal.client.PartnerApiConfiguration;
import org.billinghost.jetpack.internal.client.SiteUrls;
import org.billinghost.jetpack.internal.licensing.LicenseIssuer.Obtained;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.internal.module.CommandResults;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicenseProduct;
import org.billinghost.jetpack.partner.LicenseQuery;
import org.billinghost.jetpack.partner.LicenseResult;
import org.billinghost.jetpack.partner.LicensingApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code jetpack_licensing} server module: sells standalone Jetpack products as license keys of the Jetpack
 * Licensing API. Create issues the service's license exactly once ({@link LicenseIssuer}) and attaches it to the
 * customer's site where it may; Terminate revokes; Change Package issues the new product's license, attaches it where
 * the old one was and only then revokes the old one; a suspension keeps the license or detaches it, as the product
 * says. Failures are returned; the host writes them to the activity log. The product welcome e-mail gets the key and
 * how to add it ({@link WelcomeEmail}), from the stored records alone.
 */
@Component(service = ServerModule.class, property = ModuleProperties.MODULE_NAME + "=" + JetpackLicensingModule.NAME,
        configurationPid = PartnerApiConfiguration.PID)
public final class JetpackLicensingModule implements ServerModule, WelcomeEmail {
    static final String NAME = "jetpack_licensing";
    static final String CHECK_STATUS = "checkStatus";
    static final String KEEP_ON_SUSPENSION = "Keep the license";
    static final String DETACH_ON_SUSPENSION = "Detach it, attach it again on unsuspension";
    static final String SUSPENDED_NOTE = "Detached while the service is suspended; attached again on unsuspension.";
    static final String BEING_ISSUED = "Your Jetpack license key is being issued: it will appear on this service's page"
            + " in the client area.";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final LicensingApi api;
    private final ModuleTemplates templates;
    private final LicenseRecords records;
    private final LicenseIssuer issuer;

    /** Reads the Partner API's configuration for how long an unanswered issue call may still take effect. */
    @Activate
    public JetpackLicensingModule(@Reference LicensingApi api, @Reference ModuleTemplates templates,
                                  @Reference ModuleDatabase database, PartnerApiConfiguration config) {
        this(api, templates, new LicenseRecords(database, Clock.systemUTC()),
                Duration.ofMillis(Math.max(0, config.callTimeoutMillis()) + Math.max(0L, config.lateAnswerMarginMillis())));
    }

    JetpackLicensingModule(LicensingApi api, ModuleTemplates templates, LicenseRecords records, Duration lateAnswers) {
        this.api = api;
        this.templates = templates;
        this.records = records;
        this.issuer = new LicenseIssuer(api, records, Clock.systemUTC(), lateAnswers);
    }

    @Override
    public ServerMetadata metadata() {
        return new ServerMetadata("Jetpack license keys", "1.2", false);
    }

    /** The product slug is a dropdown of the live catalogue; a text field saying why when it cannot be loaded. */
    @Override
    public List<ConfigField> configOptions() {
        LicenseCatalogue catalogue = api.catalogue();
        ConfigField slug = catalogue.outcome().ok() && !catalogue.products().isEmpty()
                ? ConfigField.dropdown("productSlug", "Product slug", "The Jetpack product each service gets a license"
                + " of (from the Jetpack catalogue).", catalogue.products().stream().map(LicenseProduct::slug).toList())
                : ConfigField.text("productSlug", "Product slug", "The Jetpack catalogue could not be loaded, so the"
                + " list of products is not available: " + catalogue.outcome().message() + " Type the product's slug"
                + " (e.g. jetpack-backup-daily), or reload this page later.");
        return List.of(
                ConfigField.password("token", "Partner API token", "Your Jetpack Licensing API token (never shown"
                        + " back; the Jetpack addon copies it from its configuration)."),
                slug,
                new ConfigField("attach", "Attach to the customer's site", FieldType.YESNO, "Attach the license to"
                        + " the site in the service's Site URL field; otherwise the customer adds the key.", "on", 0,
                        List.of()),
                ConfigField.dropdown("onSuspension", "On suspension", "What a suspension does to the license: keep it"
                        + " on the site, or detach it and attach it again on unsuspension.",
                        List.of(KEEP_ON_SUSPENSION, DETACH_ON_SUSPENSION)));
    }

    @Override
    public Set<ModuleCommand> supportedCommands() {
        return EnumSet.of(ModuleCommand.CREATE, ModuleCommand.SUSPEND, ModuleCommand.UNSUSPEND, ModuleCommand.TERMINATE,
                ModuleCommand.CHANGE_PACKAGE, ModuleCommand.TEST_CONNECTION, ModuleCommand.CUSTOM);
    }

    /** Issues the service's license (exactly once, see {@link LicenseIssuer}) and attaches it where it may. */
    @Override
    public CommandResult createAccount(CommandParams params) {
        LicensingService service = LicensingService.of(params);
        Obtained obtained = obtain(params.serviceId(), service);
        return obtained.failure() != null ? CommandResults.of(obtained.failure()) : attach(service, obtained.record(), "");
    }

    /** Revokes every license of the service; an open intent is resolved first, so no billed license is left over. */
    @Override
    public CommandResult terminateAccount(CommandParams params) {
        LicensingService service = LicensingService.of(params);
        if (service.token().isEmpty()) {
            return CommandResult.error(service.problem(api.catalogue()));
        }
        return revokeAll(params.serviceId(), service.token(), false);
    }

    /**
     * Issues the new product's license, attaches it where the old one was, and only then revokes the old one: the
     * customer always has one. Run again after a failure, it carries on where it stopped.
     */
    @Override
    public CommandResult changePackage(CommandParams params) {
        LicensingService service = LicensingService.of(params);
        Obtained obtained = obtain(params.serviceId(), service);
        if (obtained.failure() != null) {
            return CommandResults.of(obtained.failure());
        }
        LicenseRecord replacement = obtained.record();
        for (LicenseRecord old : records.forService(params.serviceId())) {
            if (old.state() == State.ACTIVE && old.id() != replacement.id()) {
                records.state(old.id(), State.RETIRING);
            }
        }
        String oldSite = records.forService(params.serviceId()).stream()
                .filter(r -> r.state() == State.RETIRING && r.attached())
                .max(Comparator.comparingLong(LicenseRecord::id)).map(LicenseRecord::site).orElse("");
        CommandResult attached = attach(service, replacement, oldSite);
        if (!attached.succeeded()) {
            return attached;
        }
        return revokeAll(params.serviceId(), service.token(), true);
    }

    /** With "detach on suspension", detaches the license from its site (the site is kept for the unsuspension). */
    @Override
    public CommandResult suspendAccount(CommandParams params) {
        LicensingService service = LicensingService.of(params);
        Optional<LicenseRecord> current = records.newest(params.serviceId(), State.ACTIVE);
        if (!service.detachOnSuspension() || current.isEmpty() || !current.get().attached()) {
            return CommandResult.success();
        }
        LicenseRecord license = current.get();
        LicenseResult detached = api.detach(service.token(), license.key());
        if (!detached.outcome().ok() && !detached.refusedWith("license_not_attached")) {
            records.failed(license.id(), detached.outcome().message());
            return CommandResults.of(detached.outcome());
        }
        records.detached(license.id(), license.site(), SUSPENDED_NOTE);
        return CommandResult.success();
    }

    /** With "detach on suspension", attaches the license again to the site it had. */
    @Override
    public CommandResult unsuspendAccount(CommandParams params) {
        LicensingService service = LicensingService.of(params);
        Optional<LicenseRecord> current = records.newest(params.serviceId(), State.ACTIVE);
        if (!service.detachOnSuspension() || current.isEmpty() || current.get().attached()
                || current.get().site().isEmpty()) {
            return CommandResult.success();
        }
        return attach(service, current.get(), current.get().site());
    }

    /** Checks the token with the smallest licensed call (one license of the list). */
    @Override
    public CommandResult testConnection(CommandParams params) {
        LicensingService service = LicensingService.of(params);
        ApiOutcome outcome = api.licenses(service.token(), new LicenseQuery("", "", 1, 1, "issued_at", true)).outcome();
        return outcome.ok() ? new CommandResult(true, PREFIX + "The Jetpack Licensing API accepted the partner API token.",
                CommandResult.Failure.NONE, null) : CommandResults.of(outcome);
    }

    @Override
    public Map<String, String> adminCustomButtons() {
        return Map.of("Check Status", CHECK_STATUS);
    }

    @Override
    public CommandResult custom(String function, CommandParams params) {
        if (!CHECK_STATUS.equals(function)) {
            return CommandResult.error(PREFIX + "Unknown function '" + function + "'. The Jetpack license module offers"
                    + " Check Status.");
        }
        Optional<LicenseRecord> current = current(params.serviceId());
        if (current.isEmpty()) {
            return CommandResult.error(PREFIX + "This service has no license key yet: run Create.");
        }
        LicenseRecord record = current.get();
        LicenseResult answer = api.license(LicensingService.of(params).token(), record.key());
        if (!answer.outcome().ok()) {
            return CommandResults.of(answer.outcome());
        }
        License license = answer.license();
        if (license.attached() && !record.attached()) {
            // the customer added it on the site (My Jetpack or WP-CLI)
            records.attached(record.id(), SiteUrls.clean(license.siteUrl()), license.attachedAt());
        }
        String state = license.revoked() ? "revoked on " + date(license.revokedAt())
                : license.attached() ? "attached to " + site(license) + " since " + date(license.attachedAt())
                : "not attached to a site (waiting to be added)";
        return new CommandResult(true, PREFIX + "License " + license.key() + " (" + record.productSlug() + "): " + state
                + "; issued on " + date(license.issuedAt()) + ".", CommandResult.Failure.NONE, null);
    }

    @Override
    public Map<String, String> adminServicesTabFields(CommandParams params) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<LicenseRecord> all = records.forService(params.serviceId());
        Optional<LicenseRecord> current = current(params.serviceId());
        fields.put("License key", current.map(LicenseRecord::key).orElse("None yet."));
        current.ifPresent(r -> {
            fields.put("Jetpack product", r.productSlug());
            fields.put("License state", describe(r));
        });
        List<String> others = new ArrayList<>();
        all.stream().filter(r -> current.map(c -> c.id() != r.id()).orElse(true)).forEach(r ->
                others.add((r.key().isEmpty() ? "(no key)" : r.key()) + " " + r.productSlug() + ": " + describe(r)));
        if (!others.isEmpty()) {
            fields.put("Other licenses", String.join("; ", others));
        }
        all.stream().filter(r -> !r.lastError().isEmpty()).reduce((a, b) -> b)
                .ifPresent(r -> fields.put("Last error", r.lastError()));
        return fields;
    }

    /** The customer's box: the key, its state, and how to add it to the site. */
    @Override
    public Optional<String> clientArea(CommandParams params) {
        Optional<LicenseRecord> current = current(params.serviceId());
        Map<String, Object> model = new HashMap<>();
        model.put("key", current.map(LicenseRecord::key).orElse(""));
        model.put("revoked", current.map(r -> r.state() == State.REVOKED).orElse(false));
        model.put("attached", current.map(LicenseRecord::attached).orElse(false));
        model.put("site", current.map(LicenseRecord::site).orElse(""));
        model.put("note", current.map(r -> r.attached() ? "" : clientNote(r)).orElse(""));
        model.put("issuedOn", current.map(r -> date(r.issuedAt())).orElse(""));
        model.put("cli", current.map(r -> cli(r.key())).orElse(""));
        return Optional.of(templates.render("licensing-client-area.ftlh", model));
    }

    /**
     * The welcome e-mail's {@code licenseKey} and {@code licenseInstructions} (how to add it, or that it is attached),
     * or {@code waitingMessage} while the key is not issued yet; nothing for a revoked key. Stored records only.
     */
    @Override
    public Map<String, String> welcomeVariables(CommandParams params) {
        Optional<LicenseRecord> current = current(params.serviceId());
        if (current.isEmpty()) {
            return Map.of("waitingMessage", BEING_ISSUED);
        }
        LicenseRecord license = current.get();
        if (license.state() == State.REVOKED) {
            return Map.of();
        }
        String instructions = license.attached()
                ? "It is attached to " + license.site() + ": Jetpack is active there, there is nothing more to do."
                : (clientNote(license) + " Add it in your site's WordPress admin (My Jetpack > Add license, paste the"
                + " key), or with WP-CLI on the site's server: " + cli(license.key())
                + " - or ask us to attach it to the site for you.").strip();
        return Map.of("licenseKey", license.key(), "licenseInstructions", instructions);
    }

    /** The WP-CLI command that adds the key on the site's server. */
    private static String cli(String key) {
        return "wp option update jetpack_licenses '[\"" + key + "\"]' --format=json";
    }

    /**
     * Attaches the license to {@code site} ({@code example.com/blog}), else to the service's Site URL when the product
     * attaches. A refusal keeps the license and tells the customer how to add it; only trouble that may pass fails.
     */
    private CommandResult attach(LicensingService service, LicenseRecord license, String site) {
        String target = site.isEmpty() ? service.attachTarget() : site;
        if (target.isEmpty() || license.attached()) {
            return CommandResult.success();
        }
        if (site.isEmpty() && !service.siteProblem().isEmpty()) {
            records.detached(license.id(), "", "The Site URL is not a web address (" + service.siteProblem()
                    + "), so the license was not attached.");
            return CommandResult.success();
        }
        LicenseResult attached = api.attach(service.token(), license.key(), SiteUrls.identifier(target));
        if (attached.outcome().ok()) {
            records.attached(license.id(), target, attached.license().attachedAt());
            return CommandResult.success();
        }
        if (attached.outcome().transientFailure()) {
            records.failed(license.id(), attached.outcome().message());
            return CommandResults.of(attached.outcome());
        }
        records.detached(license.id(), target, "The license could not be attached to " + target + ": "
                + attached.outcome().message().substring(PREFIX.length()));
        return CommandResult.success();
    }

    /** The service's license of the product's slug (recorded, adopted or issued), once the settings are right. */
    private Obtained obtain(long serviceId, LicensingService service) {
        String problem = service.problem(api.catalogue());
        return problem != null ? Obtained.failed(ApiOutcome.failure(problem, false))
                : issuer.obtain(serviceId, service.token(), service.slug());
    }

    /** Revokes the service's licenses: every one, or ({@code retiringOnly}) those a package change replaced. */
    private CommandResult revokeAll(long serviceId, String token, boolean retiringOnly) {
        CommandResult first = CommandResult.success();
        for (LicenseRecord row : records.forService(serviceId)) {
            CommandResult done = CommandResult.success();
            if (row.state() == State.RETIRING || (!retiringOnly && row.state() == State.ACTIVE)) {
                done = revoke(row, token);
            } else if (!retiringOnly && row.state() == State.INTENT) {
                Obtained adopted = issuer.adoptOnly(row, token);
                if (adopted.failure() != null) {
                    done = CommandResults.of(adopted.failure());
                } else if (adopted.record() != null) {
                    done = revoke(adopted.record(), token);
                } else {
                    records.state(row.id(), State.ABANDONED);
                }
            }
            if (first.succeeded() && !done.succeeded()) {
                first = done;
            }
        }
        return first;
    }

    private CommandResult revoke(LicenseRecord row, String token) {
        LicenseResult revoked = api.revoke(token, row.key());
        if (revoked.outcome().ok() || revoked.refusedWith("license_already_revoked")) {
            records.revoked(row.id(), revoked.outcome().ok() ? revoked.license().revokedAt() : null);
            return CommandResult.success();
        }
        records.failed(row.id(), revoked.outcome().message());
        return CommandResults.of(revoked.outcome());
    }

    /** The license the customer has: the newest active one, else the newest with a key (revoked after Terminate). */
    private Optional<LicenseRecord> current(long serviceId) {
        Optional<LicenseRecord> active = records.newest(serviceId, State.ACTIVE);
        return active.isPresent() ? active : records.forService(serviceId).stream().filter(r -> !r.key().isEmpty())
                .max(Comparator.comparingLong(LicenseRecord::id));
    }

    private static String clientNote(LicenseRecord record) {
        if (record.attachNote().isEmpty()) {
            return "";
        }
        return SUSPENDED_NOTE.equals(record.attachNote()) ? SUSPENDED_NOTE
                : "We could not add the key to " + (record.site().isEmpty() ? "your site" : record.site())
                + " for you: please add it yourself as shown below.";
    }

    private static String describe(LicenseRecord r) {
        return switch (r.state()) {
            case INTENT -> "being issued since " + date(r.intentAt()) + " (an answer may have been lost; the next"
                    + " attempt looks for the license before issuing another)";
            case ACTIVE, RETIRING -> (r.attached() ? "attached to " + r.site() + " since " + date(r.attachedAt())
                    : "not attached" + (r.attachNote().isEmpty() ? "" : " - " + r.attachNote()))
                    + "; issued on " + date(r.issuedAt()) + (r.state() == State.RETIRING ? "; replaced, to be revoked" : "");
            case REVOKED -> "revoked on " + date(r.revokedAt());
            case ABANDONED -> "never issued";
        };
    }

    private static String site(License license) {
        return !license.siteUrl().isEmpty() ? SiteUrls.clean(license.siteUrl()) : "blog " + license.blogId();
    }

    private static String date(Instant instant) {
        return instant == null ? "an unknown date" : DATE.format(instant);
    }

}
