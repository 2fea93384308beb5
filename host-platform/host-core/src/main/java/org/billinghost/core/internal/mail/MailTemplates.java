package org.billinghost.core.internal.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailTemplate;
import org.billinghost.api.billing.Emails;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.RowMapper;

/**
 * The e-mail templates: the defaults shipped in {@code mail/<name>.ftl} (three parts after the lines
 * {@code ## subject}, {@code ## text}, {@code ## html}) and the admins' edits in {@code mail_templates}.
 * FreeMarker renders them; the HTML part escapes every value, no template may reach Java classes.
 */
final class MailTemplates {
    /** The three parts of a template, as a refusal's {@code field()} names them. */
    static final String SUBJECT = "subject";
    static final String TEXT = "text";
    static final String HTML = "html";
    /** Parsed parts kept at most (three per template; a host has a few dozen templates). */
    private static final int MAX_PARSED = 192;

    /** One rendered message. */
    record Rendered(String subject, String text, String html) {
    }

    /** Added welcome templates are named this and their id. */
    private static final String ADDED_PREFIX = MailTemplate.PRODUCT_WELCOME.id() + "_";
    private static final String ADDED_COLUMNS = "SELECT id, label, subject, body_text, body_html FROM mail_welcome_templates";
    private static final RowMapper<EmailTemplate> ADDED = rs -> new EmailTemplate(addedName(rs.getLong("id")),
            rs.getString("label"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), true,
            rs.getLong("id"));

    private final Jdbc jdbc;
    private final Configuration plain = configuration(PlainTextOutputFormat.INSTANCE);
    private final Configuration html = configuration(HTMLOutputFormat.INSTANCE);
    /**
     * Parsed parts by their source, so a message is not parsed again for each mail (FreeMarker's parser was a tenth
     * of the host's CPU while orders came in); a parsed template is safe to process from many threads. Emptied when
     * full: an edited template leaves its old source behind.
     */
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    MailTemplates(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static Configuration configuration(OutputFormat format) {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setOutputFormat(format);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setLocale(Locale.ENGLISH);
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        return cfg;
    }

    List<EmailTemplate> all() {
        List<EmailTemplate> all = new ArrayList<>(Arrays.stream(MailTemplate.values()).map(this::get).toList());
        all.addAll(jdbc.query(ADDED_COLUMNS + " ORDER BY label, id", ADDED, new Object[0]));
        return all;
    }

    EmailTemplate get(MailTemplate template) {
        return jdbc.queryOne("SELECT subject, body_text, body_html FROM mail_templates WHERE name = ?",
                rs -> new EmailTemplate(template.id(), template.label(), rs.getString(1), rs.getString(2),
                        rs.getString(3), true), template.id()).orElseGet(() -> shipped(template));
    }

    /** A template by name: one of the host's (also by WHMCS's name) or an added welcome template. */
    Optional<EmailTemplate> find(String name) {
        long added = addedId(name);
        return added > 0 ? jdbc.queryOne(ADDED_COLUMNS + " WHERE id = ?", ADDED, added)
                : MailTemplate.of(name).map(this::get);
    }

    /** The variables a template name gets: an added template is a product welcome. */
    static Optional<MailTemplate> kindOf(String name) {
        return addedId(name) > 0 ? Optional.of(MailTemplate.PRODUCT_WELCOME) : MailTemplate.of(name);
    }

    /** The name of the added welcome template {@code id}. */
    static String addedName(long id) {
        return ADDED_PREFIX + id;
    }

    /** The id in an added welcome template's name; 0 for any other name. */
    private static long addedId(String name) {
        if (name == null || !name.startsWith(ADDED_PREFIX) || name.length() > ADDED_PREFIX.length() + 18
                || !name.substring(ADDED_PREFIX.length()).matches("[1-9][0-9]*")) {
            return 0;
        }
        return Long.parseLong(name.substring(ADDED_PREFIX.length()));
    }

    /** Saves the parts after checking that each one parses; a refusal names the part and the line. */
    EmailTemplate save(EmailTemplate stored, String subject, String text, String htmlSource) {
        check(stored.name(), subject, text, htmlSource);
        long now = System.currentTimeMillis();
        jdbc.inTransaction(() -> {
            if (stored.added()) {
                jdbc.update("UPDATE mail_welcome_templates SET subject = ?, body_text = ?, body_html = ?, updated = ?"
                        + " WHERE id = ?", subject, text, htmlSource, now, stored.id());
            } else if (jdbc.update("UPDATE mail_templates SET subject = ?, body_text = ?, body_html = ?, updated = ?"
                    + " WHERE name = ?", subject, text, htmlSource, now, stored.name()) == 0) {
                jdbc.update("INSERT INTO mail_templates (name, subject, body_text, body_html, updated)"
                        + " VALUES (?, ?, ?, ?, ?)", stored.name(), subject, text, htmlSource, now);
            }
            return null;
        });
        return find(stored.name()).orElseThrow(() -> BillingException.notFound("The template " + stored.label()
                + " was deleted."));
    }

    EmailTemplate reset(MailTemplate template) {
        jdbc.update("DELETE FROM mail_templates WHERE name = ?", template.id());
        return get(template);
    }

    /** Adds a welcome template, a copy of the default welcome template as it is now. */
    EmailTemplate addWelcome(String label) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > Emails.MAX_LABEL_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw BillingException.invalid("label", "The template's name is required: one line of at most "
                    + Emails.MAX_LABEL_LENGTH + " characters.");
        }
        EmailTemplate source = get(MailTemplate.PRODUCT_WELCOME);
        try {
            long id = jdbc.inTransaction(() -> {
                if (jdbc.queryLong("SELECT COUNT(*) FROM mail_welcome_templates WHERE label = ?", name) > 0) {
                    throw labelInUse(name);
                }
                return jdbc.insert("INSERT INTO mail_welcome_templates (label, subject, body_text, body_html, updated)"
                        + " VALUES (?, ?, ?, ?, ?)", name, source.subject(), source.text(), source.html(),
                        System.currentTimeMillis());
            });
            return find(addedName(id)).orElseThrow();
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw labelInUse(name);
            }
            throw e;
        }
    }

    /** The refusal of a template name that names none, as long as it may be. */
    static BillingException unknown(String field, String name) {
        return BillingException.notFound(field, "There is no e-mail template '"
                + (name == null ? "" : name.length() > 64 ? name.substring(0, 64) + "..." : name) + "'.");
    }

    private static BillingException labelInUse(String label) {
        return BillingException.invalid("label", "A template named '" + label + "' exists already.");
    }

    /**
     * Deletes an added template under its row lock, which saving a product also takes: a product cannot come to
     * name a template that is being deleted.
     */
    void delete(String name) {
        long id = addedId(name);
        if (id == 0) {
            throw MailTemplate.of(name).isPresent()
                    ? BillingException.invalid("name", "The template " + name + " is one of the host's own: it cannot"
                            + " be deleted (Restore the default undoes an edit).")
                    : unknown("name", name);
        }
        jdbc.inTransaction(() -> {
            String label = jdbc.queryOne("SELECT label FROM mail_welcome_templates WHERE id = ? FOR UPDATE",
                    rs -> rs.getString(1), id).orElseThrow(() -> unknown("name", name));
            List<String> products = jdbc.query("SELECT name FROM products WHERE welcome_email = ? ORDER BY name, id"
                    + " LIMIT 6", rs -> rs.getString(1), id);
            if (!products.isEmpty()) {
                throw BillingException.conflict("The template '" + label + "' is the welcome e-mail of "
                        + (products.size() == 1 ? "the product " : "the products ")
                        + String.join(", ", products.subList(0, Math.min(5, products.size())))
                        + (products.size() > 5 ? " and more" : "")
                        + ". Choose another welcome e-mail for them first; the template was not deleted.");
            }
            jdbc.update("DELETE FROM mail_welcome_templates WHERE id = ?", id);
            return null;
        });
    }

    /** Renders the template's stored (or default) parts. */
    Rendered render(String name, Map<String, Object> model) {
        EmailTemplate source = find(name).orElseThrow(() -> unknown("name", name));
        return render(name, source.subject(), source.text(), source.html(), model);
    }

    /**
     * Renders the given sources.
     *
     * @throws BillingException invalid, naming the part and the line, when a part does not parse or fails
     */
    Rendered render(String name, String subject, String text, String htmlSource, Map<String, Object> model) {
        String renderedSubject = process(parsed(name, SUBJECT, subject, plain), model).strip()
                .replaceAll("[\\r\\n\\t]+", " ");
        if (renderedSubject.isEmpty()) {
            throw BillingException.invalid(SUBJECT, "The subject is empty once rendered.");
        }
        return new Rendered(renderedSubject.length() > Emails.MAX_SUBJECT_LENGTH
                ? renderedSubject.substring(0, Emails.MAX_SUBJECT_LENGTH) : renderedSubject,
                process(parsed(name, TEXT, text, plain), model), process(parsed(name, HTML, htmlSource, html), model));
    }

    private Template parsed(String name, String part, String source, Configuration cfg) {
        String key = part + '\n' + source; // the part names the configuration: only the HTML one escapes
        Template template = parsed.get(key);
        if (template == null) {
            template = parse(name, part, source, cfg);
            if (parsed.size() >= MAX_PARSED) {
                parsed.clear();
            }
            parsed.put(key, template);
        }
        return template;
    }

    private void check(String name, String subject, String text, String htmlSource) {
        limit(SUBJECT, subject, Emails.MAX_SUBJECT_LENGTH);
        limit(TEXT, text, Emails.MAX_BODY_LENGTH);
        limit(HTML, htmlSource, Emails.MAX_BODY_LENGTH);
        parse(name, SUBJECT, subject, plain);
        parse(name, TEXT, text, plain);
        parse(name, HTML, htmlSource, html);
    }

    private static void limit(String part, String value, int max) {
        if (value == null || value.isBlank()) {
            throw BillingException.invalid(part, "The " + part + " cannot be empty.");
        }
        if (value.length() > max) {
            throw BillingException.invalid(part, "The " + part + " has at most " + max + " characters.");
        }
    }

    private static Template parse(String name, String part, String source, Configuration cfg) {
        try {
            return new Template(name + "." + part, new StringReader(source), cfg);
        } catch (ParseException e) {
            throw BillingException.invalid(part, "The " + part + " has a syntax error on line " + e.getLineNumber()
                    + ": " + firstLine(e.getEditorMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String process(Template template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            String part = template.getName().substring(template.getName().lastIndexOf('.') + 1);
            throw BillingException.invalid(part, "The " + part + " failed on line " + e.getLineNumber() + ": "
                    + firstLine(e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    /** The default the host ships. */
    static EmailTemplate shipped(MailTemplate template) {
        String resource = "mail/" + template.id() + ".ftl";
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing e-mail template " + resource);
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new EmailTemplate(template.id(), template.label(), section(source, "subject").strip(),
                    section(source, "text"), section(source, "html"), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String section(String source, String name) {
        String marker = "## " + name + "\n";
        int start = source.indexOf(marker);
        if (start < 0) {
            throw new IllegalStateException("Template part " + name + " missing");
        }
        start += marker.length();
        int end = source.indexOf("\n## ", start);
        return end < 0 ? source.substring(start) : source.substring(start, end + 1);
    }
}
