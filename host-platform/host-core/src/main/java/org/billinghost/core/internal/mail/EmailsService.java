package org.billinghost.core.internal.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import freemarker.template.utility.StringUtil;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.EmailTemplate;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.MailServer;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.bootstrap.Bootstrap;
import org.billinghost.core.internal.commands.ModuleCommandService;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.security.PasswordHasher;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@link Emails}: the outbox as the pages and the API see it, the templates and the SMTP settings (Configuration
 * Admin PID {@value MailConfiguration#PID}, written by {@link #saveServer}).
 */
@Component(service = {Emails.class, EmailsService.class}, configurationPid = MailConfiguration.PID)
@Designate(ocd = MailConfiguration.class)
public final class EmailsService implements Emails {
    private static final Paging.Query LIST = new Paging.Query(MailOutbox.COLUMNS, "mail_outbox", "id DESC");
    private static final int MAX_NAME_LENGTH = 200;

    /** Where saved settings go: Configuration Admin in the host, the service itself in tests. */
    public interface SettingsStore {
        void save(Dictionary<String, Object> properties);
    }

    private final Jdbc jdbc;
    private final MailOutbox outbox;
    private final Clients clients;
    private final MailTemplates templates;
    private final MailVariables variables;
    private final SmtpMailer mailer;
    private final SettingsStore store;
    private final boolean demo;
    private volatile MailSettings settings;
    private final MailDelivery delivery;
    private final PasswordResets passwordResets;

    @Activate
    public EmailsService(@Reference Jdbc jdbc, @Reference MailOutbox outbox, @Reference Clients clients,
                         @Reference Orders orders, @Reference Invoices invoices, @Reference Services services,
                         @Reference CancellationRequests cancellations, @Reference Catalog catalog,
                         @Reference ModuleCommandService commands, @Reference ConfigurationAdmin configurationAdmin,
                         @Reference BillingClock clock, @Reference PasswordHasher hasher, BundleContext context,
                         MailConfiguration config) {
        this(jdbc, outbox, clients, new MailVariables(clients, orders, invoices, services, cancellations, catalog,
                        commands::welcomeVariables), new Properties(), properties -> save(configurationAdmin, properties),
                Boolean.parseBoolean(context.getProperty(Bootstrap.DEMO)), MailSettings.of(config), clock, hasher);
    }

    /** Outside Declarative Services (tests): {@code smtpProperties} are added to every SMTP session's. */
    public static EmailsService of(Jdbc jdbc, MailOutbox outbox, Clients clients, Orders orders, Invoices invoices,
                                   Services services, CancellationRequests cancellations, Catalog catalog,
                                   ModuleCommandService commands, Properties smtpProperties, boolean demo,
                                   BillingClock clock, PasswordHasher hasher) {
        EmailsService[] self = new EmailsService[1];
        self[0] = new EmailsService(jdbc, outbox, clients, new MailVariables(clients, orders, invoices, services,
                cancellations, catalog, commands::welcomeVariables), smtpProperties,
                properties -> self[0].settings = MailSettings.of(configuration(properties)), demo, MailSettings.NONE, clock,
                hasher);
        return self[0];
    }

    private EmailsService(Jdbc jdbc, MailOutbox outbox, Clients clients, MailVariables variables, Properties smtp,
                          SettingsStore store, boolean demo, MailSettings settings, BillingClock clock,
                          PasswordHasher hasher) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clients = clients;
        this.templates = new MailTemplates(jdbc);
        this.variables = variables;
        this.mailer = new SmtpMailer(smtp);
        this.store = store;
        this.demo = demo;
        this.settings = settings;
        this.delivery = new MailDelivery(outbox, templates, variables, mailer, () -> this.settings, demo);
        this.passwordResets = new PasswordResets(jdbc, outbox, templates, () -> this.settings.server().fromName(), clock,
                hasher);
    }

    @Modified
    void modified(MailConfiguration config) {
        settings = MailSettings.of(config);
    }

    /** What the workers run. */
    MailDelivery delivery() {
        return delivery;
    }

    /** Delivers every due message on the calling thread (tests, and the workers). */
    public int deliverDue(String owner) {
        return delivery.runDue(owner);
    }

    @Override
    public ResultPage<EmailMessage> list(long clientId, String search, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw BillingException.invalid("The offset cannot be negative and the limit must be at least 1.");
        }
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (clientId > 0) {
            conditions.add("client_id = ?");
            params.add(clientId);
        }
        if (!Paging.isBlank(search)) {
            if (search.length() > 200) {
                throw BillingException.invalid("search", "A search has at most 200 characters.");
            }
            conditions.add("(" + Paging.contains(jdbc.dialect(), "to_address") + " OR "
                    + Paging.contains(jdbc.dialect(), "subject") + ")");
            params.add(Paging.containsPattern(search));
            params.add(Paging.containsPattern(search));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return Paging.page(jdbc, LIST, where, params, MailOutbox.MAPPER, offset, limit);
    }

    @Override
    public Optional<EmailMessage> get(long id) {
        return outbox.get(id);
    }

    @Override
    public long waiting() {
        return outbox.waiting();
    }

    @Override
    public EmailMessage send(String templateName, long relatedId) {
        EmailTemplate stored = stored(templateName, "messagename");
        MailTemplate template = MailTemplates.kindOf(stored.name()).orElseThrow();
        long clientId = switch (template.kind()) {
            case CLIENT -> relatedId;
            case ORDER -> clientOf("orders", relatedId, "Order");
            case INVOICE -> clientOf("invoices", relatedId, "Invoice");
            case SERVICE -> clientOf("services", relatedId, "Service");
            case ACCOUNT -> throw BillingException.invalid("messagename", "The template " + template.id()
                    + " is sent only when a password reset is asked for.");
        };
        client(clientId);
        long id = outbox.queue(template, stored.name(), clientId, relatedId, "manual:" + UUID.randomUUID());
        return outbox.get(id).orElseThrow();
    }

    private long clientOf(String table, long id, String what) {
        return jdbc.queryOne("SELECT client_id FROM " + table + " WHERE id = ?", rs -> rs.getLong(1), id)
                .orElseThrow(() -> BillingException.notFound("id", what + " " + id + " not found"));
    }

    private Client client(long clientId) {
        return clients.get(clientId).orElseThrow(() -> BillingException.notFound("id", "Client " + clientId + " not found"));
    }

    @Override
    public EmailMessage sendCustom(long clientId, String subject, String message) {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH
                || subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw BillingException.invalid("customsubject", "The subject is required: one line of at most "
                    + MAX_SUBJECT_LENGTH + " characters.");
        }
        if (message == null || message.isBlank() || message.length() > MAX_BODY_LENGTH) {
            throw BillingException.invalid("custommessage", "The message is required, at most " + MAX_BODY_LENGTH
                    + " characters.");
        }
        Client client = client(clientId);
        String html = "<p>" + StringUtil.XHTMLEnc(message).replace("\n", "<br>\n") + "</p>";
        long id = outbox.queueRendered("custom:" + UUID.randomUUID(), EmailTemplate.CUSTOM, clientId, clientId,
                client.email(), client.fullName(), subject.strip(), message, html);
        return outbox.get(id).orElseThrow();
    }

    @Override
    public EmailMessage resend(long id) {
        EmailMessage sent = outbox.get(id).orElseThrow(() -> BillingException.notFound("id", "E-mail " + id + " not found"));
        if (sent.subject().isEmpty()) {
            throw BillingException.conflict("E-mail " + id + " has not been rendered yet: it is still queued.");
        }
        long copy = outbox.queueRendered("resend:" + id + ":" + UUID.randomUUID(), sent.template(), sent.clientId(),
                outbox.relatedId(id), sent.toAddress(), sent.toName(), sent.subject(), sent.text(), sent.html());
        return outbox.get(copy).orElseThrow();
    }

    @Override
    public List<EmailTemplate> templates() {
        return templates.all();
    }

    @Override
    public EmailTemplate template(String name) {
        return stored(name, "name");
    }

    private EmailTemplate stored(String name, String field) {
        return templates.find(name).orElseThrow(() -> MailTemplates.unknown(field, name));
    }

    /** One of the host's own templates. */
    private static MailTemplate template(String name, String field) {
        return MailTemplate.of(name).orElseThrow(() -> MailTemplates.unknown(field, name));
    }

    @Override
    public EmailTemplate saveTemplate(String name, String subject, String text, String html) {
        return templates.save(stored(name, "name"), subject, text, html);
    }

    @Override
    public EmailTemplate resetTemplate(String name) {
        if (stored(name, "name").added()) {
            throw BillingException.invalid("name", "An added template has no default to go back to; delete it instead.");
        }
        return templates.reset(template(name, "name"));
    }

    @Override
    public EmailTemplate addWelcomeTemplate(String label) {
        return templates.addWelcome(label);
    }

    @Override
    public void deleteTemplate(String name) {
        templates.delete(name);
    }

    @Override
    public EmailMessage preview(String name, String subject, String text, String html) {
        EmailTemplate stored = stored(name, "name");
        MailTemplates.Rendered r = templates.render(stored.name(), subject, text, html,
                variables.sample(settings.server().fromName()));
        return new EmailMessage(0, 0, stored.name(), "jane@example.com", "Jane Doe", r.subject(), r.text(), r.html(),
                EmailMessage.Status.QUEUED, 0, "", java.time.Instant.now(), null, "");
    }

    @Override
    public MailServer server() {
        return settings.server();
    }

    @Override
    public MailServer saveServer(String host, int port, MailServer.Security security, String username, String password,
                                 String fromName, String fromAddress) {
        String h = host == null ? "" : host.strip();
        if (h.length() > 253 || !h.matches("[A-Za-z0-9.\\-\\[\\]:]*")) {
            throw BillingException.invalid("host", "The SMTP host is a host name or an IP address.");
        }
        if (port < 1 || port > 65535) {
            throw BillingException.invalid("port", "The port is a number from 1 to 65535.");
        }
        if (security == null) {
            throw BillingException.invalid("security", "Choose None, STARTTLS or SSL.");
        }
        String user = username == null ? "" : username.strip();
        if (user.length() > MAX_NAME_LENGTH || user.chars().anyMatch(Character::isISOControl)) {
            throw BillingException.invalid("username", "The user name has at most " + MAX_NAME_LENGTH
                    + " characters and no control characters.");
        }
        if (password != null && (password.length() > MAX_NAME_LENGTH || password.chars().anyMatch(c -> c == '\r' || c == '\n'))) {
            throw BillingException.invalid("password", "The password has at most " + MAX_NAME_LENGTH
                    + " characters and no line breaks.");
        }
        String name = fromName == null ? "" : fromName.strip();
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw BillingException.invalid("fromname", "The from name has at most " + MAX_NAME_LENGTH
                    + " characters and no line breaks.");
        }
        String from = fromAddress == null ? "" : fromAddress.strip();
        Addresses.problem(from).ifPresent(problem -> {
            throw BillingException.invalid("fromaddress", problem);
        });
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("host", h);
        properties.put("port", port);
        properties.put("security", security.name());
        properties.put("username", user);
        properties.put("password", password == null || password.isEmpty() ? settings.password() : password);
        properties.put("fromName", name);
        properties.put("fromAddress", from);
        properties.put("timeoutSeconds", settings.timeoutSeconds());
        properties.put("retrySeconds", settings.retrySeconds());
        store.save(properties);
        return new MailServer(h, port, security, user, !((String) properties.get("password")).isEmpty(), name, from);
    }

    @Override
    public String sendTest(String toAddress) {
        Addresses.problem(toAddress).ifPresent(problem -> {
            throw BillingException.invalid("to", problem);
        });
        MailSettings current = settings;
        try {
            return mailer.send(current, new SmtpMailer.Outgoing(toAddress.strip(), "", "Test message from "
                    + current.server().fromName(), "This is a test message: the SMTP settings work.",
                    "<p>This is a test message: the SMTP settings work.</p>", "<" + UUID.randomUUID() + "@billing-host>"));
        } catch (MailFailure e) {
            throw new BillingException(BillingException.Category.UNAVAILABLE, e.getMessage());
        }
    }

    @Override
    public <T> T withoutMessages(Set<String> names, Supplier<T> action) {
        Set<MailTemplate> suppressed = names.stream().map(name -> template(name, "template"))
                .collect(Collectors.toUnmodifiableSet());
        return MailOutbox.without(suppressed, action);
    }

    @Override
    public void requestPasswordReset(Account account, String email, String link) {
        passwordResets.request(account, email, link);
    }

    @Override
    public void resetPassword(Account account, String token, String newPassword) {
        passwordResets.reset(account, token, newPassword);
    }

    @Override
    public boolean demo() {
        return demo;
    }

    private static void save(ConfigurationAdmin configurationAdmin, Dictionary<String, Object> properties) {
        try {
            Configuration configuration = configurationAdmin.getConfiguration(MailConfiguration.PID, "?");
            configuration.updateIfDifferent(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("The mail settings could not be saved", e);
        }
    }

    /** The settings a test stores, read back as Configuration Admin would hand them to the component. */
    private static MailConfiguration configuration(Dictionary<String, Object> p) {
        return new MailConfiguration() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return MailConfiguration.class;
            }
            @Override public String host() { return (String) p.get("host"); }
            @Override public int port() { return (Integer) p.get("port"); }
            @Override public MailServer.Security security() { return MailServer.Security.valueOf((String) p.get("security")); }
            @Override public String username() { return (String) p.get("username"); }
            @Override public String password() { return (String) p.get("password"); }
            @Override public String fromName() { return (String) p.get("fromName"); }
            @Override public String fromAddress() { return (String) p.get("fromAddress"); }
            @Override public int timeoutSeconds() { return (Integer) p.get("timeoutSeconds"); }
            @Override public int retrySeconds() { return (Integer) p.get("retrySeconds"); }
        };
    }
}
