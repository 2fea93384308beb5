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
 */
final class EmailTemplatesPage implements Page {
    private static final String LINK = "/admin/emailtemplates?name=";
    private final HostServices host;

    EmailTemplatesPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
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
            case "reset" -> ex.actThenRedirect(LINK + stored.name(), () ->
                    "Template " + host.emails().resetTemplate(stored.name()).label() + " is the default again.");
            case "preview" -> {
                EmailTemplate edited = new EmailTemplate(stored.name(), stored.label(), subject, text, html,
                        stored.customized());
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
}
