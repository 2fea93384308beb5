package org.billinghost.core.internal.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.billinghost.core.internal.db.Jdbc;

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

    /** One rendered message. */
    record Rendered(String subject, String text, String html) {
    }

    private final Jdbc jdbc;
    private final Configuration plain = configuration(PlainTextOutputFormat.INSTANCE);
    private final Configuration html = configuration(HTMLOutputFormat.INSTANCE);

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
        return java.util.Arrays.stream(MailTemplate.values()).map(this::get).toList();
    }

    EmailTemplate get(MailTemplate template) {
        return jdbc.queryOne("SELECT subject, body_text, body_html FROM mail_templates WHERE name = ?",
                rs -> new EmailTemplate(template.id(), template.label(), rs.getString(1), rs.getString(2),
                        rs.getString(3), true), template.id()).orElseGet(() -> shipped(template));
    }

    /** Saves the parts after checking that each one parses; a refusal names the part and the line. */
    EmailTemplate save(MailTemplate template, String subject, String text, String htmlSource) {
        check(template, subject, text, htmlSource);
        long now = System.currentTimeMillis();
        jdbc.inTransaction(() -> {
            if (jdbc.update("UPDATE mail_templates SET subject = ?, body_text = ?, body_html = ?, updated = ?"
                    + " WHERE name = ?", subject, text, htmlSource, now, template.id()) == 0) {
                jdbc.update("INSERT INTO mail_templates (name, subject, body_text, body_html, updated)"
                        + " VALUES (?, ?, ?, ?, ?)", template.id(), subject, text, htmlSource, now);
            }
            return null;
        });
        return get(template);
    }

    EmailTemplate reset(MailTemplate template) {
        jdbc.update("DELETE FROM mail_templates WHERE name = ?", template.id());
        return get(template);
    }

    /** Renders the template's stored (or default) parts. */
    Rendered render(MailTemplate template, Map<String, Object> model) {
        EmailTemplate source = get(template);
        return render(template.id(), source.subject(), source.text(), source.html(), model);
    }

    /**
     * Renders the given sources.
     *
     * @throws BillingException invalid, naming the part and the line, when a part does not parse or fails
     */
    Rendered render(String name, String subject, String text, String htmlSource, Map<String, Object> model) {
        String renderedSubject = process(parse(name, SUBJECT, subject, plain), model).strip()
                .replaceAll("[\\r\\n\\t]+", " ");
        if (renderedSubject.isEmpty()) {
            throw BillingException.invalid(SUBJECT, "The subject is empty once rendered.");
        }
        return new Rendered(renderedSubject.length() > Emails.MAX_SUBJECT_LENGTH
                ? renderedSubject.substring(0, Emails.MAX_SUBJECT_LENGTH) : renderedSubject,
                process(parse(name, TEXT, text, plain), model), process(parse(name, HTML, htmlSource, html), model));
    }

    private void check(MailTemplate template, String subject, String text, String htmlSource) {
        limit(SUBJECT, subject, Emails.MAX_SUBJECT_LENGTH);
        limit(TEXT, text, Emails.MAX_BODY_LENGTH);
        limit(HTML, htmlSource, Emails.MAX_BODY_LENGTH);
        parse(template.id(), SUBJECT, subject, plain);
        parse(template.id(), TEXT, text, plain);
        parse(template.id(), HTML, htmlSource, html);
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
