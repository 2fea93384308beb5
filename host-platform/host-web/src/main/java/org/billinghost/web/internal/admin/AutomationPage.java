package org.billinghost.web.internal.admin;

import java.io.IOException;

import org.billinghost.api.billing.AutomationRun;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

/** {@code /admin/automation}: the daily automation's last runs and next scheduled run; "Run now" runs it. */
final class AutomationPage implements Page {
    private static final String LINK = "/admin/automation";
    private final HostServices host;

    AutomationPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.isPost()) {
            if (!"run".equals(ex.param("do"))) {
                throw PageException.badRequest("Unknown action.");
            }
            ex.actThenRedirect(LINK, () -> summary(host.automation().runNow()));
            return;
        }
        ex.render("admin/automation.ftlh", Exchange.model("runs", host.automation().recentRuns(),
                "next", host.automation().nextScheduledRun()));
    }

    private static String summary(AutomationRun run) {
        return "Automation run #" + run.id() + " " + run.state().label().toLowerCase(java.util.Locale.ROOT) + ": "
                + run.invoices() + " invoices, " + run.suspended() + " suspensions, " + run.terminated()
                + " terminations, " + run.cancelled() + " cancellations, " + run.notices() + " invoice notices, "
                + run.failures() + " failures.";
    }
}
