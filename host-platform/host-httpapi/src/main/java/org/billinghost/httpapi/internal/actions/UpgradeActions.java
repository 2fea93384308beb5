package org.billinghost.httpapi.internal.actions;

import java.util.Map;

import org.billinghost.api.billing.Permissions;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.Services;
import org.billinghost.api.billing.Upgrade;
import org.billinghost.api.billing.UpgradeQuote;
import org.billinghost.api.billing.Upgrades;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;
import org.billinghost.httpapi.internal.Formats;

/** UpgradeProduct: a product upgrade or downgrade, or with {@code calconly} its price alone. */
public final class UpgradeActions {
    /** WHMCS parameters of UpgradeProduct this host does not implement: refused by name, never ignored. */
    private static final String[] UNSUPPORTED = {"promocode", "configoptions"};

    private final Upgrades upgrades;
    private final Services services;

    public UpgradeActions(Upgrades upgrades, Services services) {
        this.upgrades = upgrades;
        this.services = services;
    }

    public void register(ActionTable table) {
        table.add("UpgradeProduct", Permissions.ORDERS, (r, admin) -> upgradeProduct(r));
    }

    private Map<String, Object> upgradeProduct(ApiRequest r) {
        ServiceAccount service = ServiceActions.service(services, r);
        String type = r.string("type");
        if (!type.equals("product")) {
            throw ApiError.invalid("Parameter type must be 'product': '" + ApiRequest.shorten(type)
                    + "' (config option upgrades) is not supported");
        }
        r.refuseUnsupported(UNSUPPORTED);
        long productId = r.id("newproductid");
        BillingCycle cycle = r.optString("newproductbillingcycle")
                .map(text -> ServiceActions.cycle("newproductbillingcycle", text))
                .orElse(service.subscription().cycle());
        String method = r.string("paymentmethod");
        boolean calcOnly = r.bool("calconly", false);
        UpgradeQuote quote = upgrades.quote(service.id(), productId, cycle);
        Map<String, Object> answer = Replies.of("oldproductid", quote.oldProductId(), "oldproductname",
                quote.oldProductName(), "newproductid", quote.newProductId(), "newproductname", quote.newProductName(),
                "daysuntilrenewal", quote.daysUntilRenewal(), "totaldays", quote.totalDays(),
                "newproductbillingcycle", quote.newCycle().code(), "credit", Formats.amount(quote.credit()),
                "price", Formats.amount(quote.difference()));
        if (calcOnly) {
            answer.put("upgradeinprogress", upgrades.history(service.id()).stream()
                    .anyMatch(u -> u.state() == Upgrade.State.PENDING));
            return answer;
        }
        Upgrade upgrade = upgrades.request(service.id(), productId, cycle, method);
        answer.put("price", Formats.amount(upgrade.amount()));
        answer.put("upgradeid", upgrade.id());
        answer.put("invoiceid", upgrade.invoiceId());
        return answer;
    }
}
