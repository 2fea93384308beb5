package org.billinghost.web.internal.admin;

import org.billinghost.api.platform.ModuleLogEntry;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.Pager;

import java.io.IOException;

/** {@code /admin/systemmodulelog}: switch the module debug log on or off and read its scrubbed entries. */
final class ModuleLogPage implements Page {
    private static final String LINK = "/admin/systemmodulelog";
    private final HostServices host;

    ModuleLogPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.isPost()) {
            boolean on = "on".equals(ex.param("logging"));
            ex.actThenRedirect(LINK, () -> {
                host.moduleLog().setEnabled(on);
                return "Module logging is now " + (on ? "on" : "off") + ".";
            });
            return;
        }
        String search = ex.param("search").trim();
        Pager pager = Pager.of(ex, LINK + "?search=" + Pager.encode(search));
        ResultPage<ModuleLogEntry> page = host.moduleLog().entries(search, pager.offset(), pager.size());
        ex.render("admin/modulelog.ftlh", Exchange.model("enabled", host.moduleLog().isEnabled(), "search", search,
                "entries", page.items(), "pager", pager.withTotal(page.total())));
    }
}
