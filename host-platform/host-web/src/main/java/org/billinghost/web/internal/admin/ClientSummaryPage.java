package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Client;
import org.billinghost.web.internal.ClientForm;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Impersonation;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;

/**
 * {@code /admin/clientssummary?id=N}: a client's profile with services, orders, invoices, credit entries and e-mails, admins' notes, and
 * {@code &edit=1}: the client's details to edit (checked as the registration checks them); {@code do=loginas}
 * opens the client area as the client ("Login as Client", {@link Impersonation}).
 */
final class ClientSummaryPage implements Page {
    private static final int SHOWN = 100;
    private final HostServices host;
    private final Impersonation impersonation;

    ClientSummaryPage(HostServices host, Impersonation impersonation) {
        this.host = host;
        this.impersonation = impersonation;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        Client client = host.clients().get(id).orElseThrow(() -> PageException.notFound("There is no client #" + id + "."));
        if (ex.isPost() && "loginas".equals(ex.param("do"))) {
            impersonation.start(ex, client);
            return;
        }
        if (ex.isPost() && "note".equals(ex.param("do"))) {
            ex.actThenRedirect("/admin/clientssummary?id=" + id, () -> {
                host.clients().addNote(id, ex.param("note"));
                return "Added the note.";
            });
            return;
        }
        if (ex.isPost()) {
            if (!"details".equals(ex.param("do"))) {
                throw PageException.badRequest("Unknown action.");
            }
            ClientForm form = ClientForm.of(ex);
            int status = 400;
            if (form.valid()) {
                try {
                    host.clients().update(id, form.details(null));
                    ex.flash(Notice.ok("Saved the client's details."));
                    ex.redirect("/admin/clientssummary?id=" + id);
                    return;
                } catch (BillingException e) {
                    form.refuse(e.field().orElse(""), e.getMessage());
                    status = e.category().httpStatus();
                }
            }
            ex.render(status, "admin/clientedit.ftlh", Exchange.model("profile", client, "form", form.model()));
            return;
        }
        if (!ex.param("edit").isEmpty()) {
            ex.render("admin/clientedit.ftlh", Exchange.model("profile", client, "form", ClientForm.of(client).model()));
            return;
        }
        ex.render("admin/clientsummary.ftlh", Exchange.model("profile", client,
                "services", host.services().list(id, 0, SHOWN).items(),
                "orders", host.orders().list(null, id, 0, SHOWN).items(),
                "invoices", host.invoices().ofClient(id, 0, SHOWN).items(),
                "credits", host.invoices().credits(id, 0, SHOWN).items(),
                "messages", host.emails().list(id, "", 0, SHOWN).items(),
                "notes", host.clients().notes(id, SHOWN)));
    }
}
