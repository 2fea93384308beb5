package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.QueueItem;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Notice;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Pager;

import java.io.IOException;

/** {@code /admin/modulequeue}: failed or waiting module jobs; Retry runs one now, Resolve closes it. */
final class ModuleQueuePage implements Page {
    private static final String LINK = "/admin/modulequeue";
    private final HostServices host;

    ModuleQueuePage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        if (ex.isPost()) {
            switch (ex.param("do")) {
                case "retry" -> {
                    CommandResult r = host.queue().retry(id);
                    ex.flash(Notice.of("Queue item #" + id, r));
                    ex.redirect(LINK);
                }
                case "resolve" -> ex.actThenRedirect(LINK, () ->
                        "Queue item #" + host.queue().resolve(id).id() + " is marked resolved.");
                default -> throw PageException.badRequest("Unknown action.");
            }
            return;
        }
        boolean all = ex.ticked("resolved");
        Pager pager = Pager.of(ex, LINK + (all ? "?resolved=1" : ""));
        ResultPage<QueueItem> page = host.queue().list(all, pager.offset(), pager.size());
        ex.render("admin/modulequeue.ftlh", Exchange.model("items", page.items(), "resolved", all,
                "pager", pager.withTotal(page.total())));
    }
}
