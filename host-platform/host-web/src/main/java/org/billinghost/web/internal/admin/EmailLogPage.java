package org.billinghost.web.internal.admin;

import java.io.IOException;

import org.billinghost.api.billing.EmailMessage;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Pager;

/**
 * {@code /admin/emaillog}: every message, newest first, searched by address or subject (or one client's,
 * {@code ?clientid=N}); {@code ?id=N} shows one message as it was sent, with Resend.
 */
final class EmailLogPage implements Page {
    static final String LINK = "/admin/emaillog";
    private final HostServices host;

    EmailLogPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        if (ex.isPost()) {
            if (!"resend".equals(ex.param("do"))) {
                throw PageException.badRequest("Unknown action.");
            }
            ex.actThenRedirect(LINK + "?id=" + id, () -> "Message #" + id + " is queued again as message #"
                    + host.emails().resend(id).id() + ".");
            return;
        }
        if (id != 0) {
            EmailMessage message = host.emails().get(id)
                    .orElseThrow(() -> PageException.notFound("There is no e-mail #" + id + "."));
            ex.render("admin/email.ftlh", Exchange.model("message", message));
            return;
        }
        String search = ex.param("search");
        if (search.length() > 200) {
            throw PageException.badRequest("A search has at most 200 characters.");
        }
        long clientId = ex.number("clientid");
        Pager pager = Pager.of(ex, LINK + "?search=" + Pager.encode(search)
                + (clientId == 0 ? "" : "&clientid=" + clientId));
        ResultPage<EmailMessage> page = host.emails().list(clientId, search, pager.offset(), pager.size());
        ex.render("admin/emaillog.ftlh", Exchange.model("messages", page.items(), "search", search,
                "clientId", clientId, "waiting", host.emails().waiting(), "pager", pager.withTotal(page.total())));
    }
}
