package org.billinghost.web.internal.admin;

import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.Pager;

import java.io.IOException;

/** {@code /admin/systemactivitylog}: the activity log, newest first, with search and paging. */
final class ActivityLogPage implements Page {
    private final HostServices host;

    ActivityLogPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String search = ex.param("search").trim();
        Pager pager = Pager.of(ex, "/admin/systemactivitylog?search=" + Pager.encode(search));
        ResultPage<ActivityEntry> page = host.activityLog().search(search, 0, pager.offset(), pager.size());
        ex.render("admin/activitylog.ftlh", Exchange.model("search", search, "entries", page.items(),
                "pager", pager.withTotal(page.total())));
    }
}
