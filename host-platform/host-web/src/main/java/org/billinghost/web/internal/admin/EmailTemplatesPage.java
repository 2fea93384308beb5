package org.billinghost.web.internal.admin;

import java.io.IOException;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.billing.EmailTemplate;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

/**
 * {@code /admin/emailtemplates?name=…}: edit a template's subject, text and HTML; Preview renders the form's
 * sources on sample data without saving; Save checks the syntax first (the refusal names the part and line).
 * Product welcome templates are added here ({@code do=add}, a copy of the default one) and deleted (refused
 * while a product has one as its welcome e-mail).
 */
final class EmailTemplatesPage implements Page {
    private static final String LINK = "/admin/emailtemplates?name=";
    private static final String MAIL = "/admin/configmail";

    /** A done action's message and where it sends the admin. */
    private record Outcome(String message, String location) {
    }
    private final HostServices host;

    EmailTemplatesPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.isPost() && "add".equals(ex.param("do"))) {
            act(ex, MAIL, () -> {
                EmailTemplate added = host.emails().addWelcomeTemplate(ex.param("label"));
                return new Outcome("Template " + added.label() + " added, a copy of the default welcome e-mail: edit it,"
                        + " then choose it as the welcome e-mail of products.", LINK + added.name());
            });
            return;
        }
        String name = ex.param("name");
        EmailTemplate stored = host.emails().template(name.length() > 64 ? "" : name);
        if (!ex.isPost()) {
            ex.render("admin/emailtemplate.ftlh", Exchange.model("template", stored));
            return;
        }
        String subject = ex.param("subject");
        String text = ex.param("text");
        String html = ex.param("html");
        switch (ex.param("do")) {
            case "save" -> ex.actThenRedirect(LINK + stored.name(), () ->
                    "Template " + host.emails().saveTemplate(stored.name(), subject, text, html).label() + " saved.");
            case "delete" -> act(ex, LINK + stored.name(), () -> {
                host.emails().deleteTemplate(stored.name());
                return new Outcome("Template " + stored.label() + " deleted.", MAIL);
            });
            case "reset" -> ex.actThenRedirect(LINK + stored.name(), () ->
                    "Template " + host.emails().resetTemplate(stored.name()).label() + " is the default again.");
            case "preview" -> {
                EmailTemplate edited = new EmailTemplate(stored.name(), stored.label(), subject, text, html,
                        stored.customized(), stored.id());
                EmailMessage preview = null;
                Notice problem = null;
                String field = null;
                try {
                    preview = host.emails().preview(stored.name(), subject, text, html);
                } catch (BillingException e) {
                    problem = Notice.error(e.getMessage());
                    field = e.field().orElse(null);
                }
                ex.render(problem == null ? 200 : 400, "admin/emailtemplate.ftlh", Exchange.model("template", edited,
                        "preview", preview, "flash", problem, "errorField", field));
            }
            default -> throw PageException.badRequest("Unknown action.");
        }
    }

    /** Runs the action: its message and location when done, the refusal back at {@code refused}. */
    private static void act(Exchange ex, String refused, java.util.function.Supplier<Outcome> action) throws IOException {
        try {
            Outcome outcome = action.get();
            ex.flash(Notice.ok(outcome.message()));
            ex.redirect(outcome.location());
        } catch (BillingException e) {
            ex.flash(Notice.error(e.getMessage()));
            ex.redirect(refused);
        }
    }
}
