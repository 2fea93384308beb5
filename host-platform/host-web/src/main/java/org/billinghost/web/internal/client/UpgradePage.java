package org.billinghost.web.internal.client;

import java.io.IOException;
import java.util.List;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.Upgrade;
import org.billinghost.api.billing.UpgradeQuote;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

/**
 * {@code /clientarea/upgrade?id=N}: the other products of the service's group on each of their cycles with the
 * prorated difference; choosing one creates the upgrade invoice, or applies a downgrade at once.
 */
final class UpgradePage implements Page {
    private final HostServices host;

    UpgradePage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        ServiceAccount service = OwnService.of(host, ex);
        if (ex.isPost()) {
            long productId = ex.number("product");
            BillingCycle cycle = BillingCycle.of(ex.param("cycle"))
                    .orElseThrow(() -> PageException.badRequest("Choose a billing cycle from the list."));
            ex.actThenRedirect("/clientarea/services", () -> outcome(host.upgrades().request(service.id(), productId,
                    cycle, "")));
            return;
        }
        List<UpgradeQuote> options;
        String refusal = null;
        try {
            options = host.upgrades().options(service.id());
        } catch (BillingException e) {
            options = List.of();
            refusal = e.getMessage();
        }
        ex.render("client/upgrade.ftlh", Exchange.model("service", service, "options", options, "refusal", refusal));
    }

    private static String outcome(Upgrade upgrade) {
        return upgrade.invoiceId() > 0
                ? "Upgrade invoice #" + upgrade.invoiceId() + " created: the change is made once it is paid."
                : "The change is being made" + (upgrade.amount().signum() < 0 ? "; the difference of "
                + upgrade.amount().negate().toPlainString() + " becomes your credit once it is done." : ".");
    }
}
