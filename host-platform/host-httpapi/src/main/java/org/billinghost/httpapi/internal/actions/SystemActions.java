package org.billinghost.httpapi.internal.actions;

import java.util.List;
import java.util.Map;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Currency;
import org.billinghost.httpapi.internal.ActionTable;

/** GetCurrencies, WhmcsDetails and GetPaymentMethods: what a client asks before anything else. */
public final class SystemActions {

    /** WHMCS numbers its currencies; the host's one currency is WHMCS's default, 1 (as in AddProduct's pricing). */
    private static final int CURRENCY_ID = 1;

    /** The gateway name the client area's demo gateway records on its payments. */
    public static final String DEMO_GATEWAY = "demo";

    private final Catalog catalog;
    private final String version;
    private final boolean demoGateway;

    /** {@code demoGateway}: whether the client area takes payments with the demo gateway (demo mode). */
    public SystemActions(Catalog catalog, String version, boolean demoGateway) {
        this.catalog = catalog;
        this.version = version;
        this.demoGateway = demoGateway;
    }

    public void register(ActionTable table) {
        // WHMCS lets any API credential read these: they hold nothing about clients
        table.add("GetCurrencies", null, (r, admin) -> {
            Currency c = catalog.currency();
            // format 1 is WHMCS's 1234.56; rate 1: there is no other currency to convert from
            return Replies.of("totalresults", 1, "currencies", Replies.wrapped("currency", List.of(Replies.of(
                    "id", CURRENCY_ID, "code", c.code(), "prefix", c.prefix(), "suffix", c.suffix(), "format", 1,
                    "rate", "1.00000"))));
        }).add("WhmcsDetails", null, (r, admin) -> Map.of("whmcs", Replies.of(
                "version", version, "canonicalversion", version)))
                .add("GetPaymentMethods", null, (r, admin) -> paymentMethods());
    }

    /**
     * The host has no gateway modules: the one gateway that takes payments is the client area's demo gateway, in demo
     * mode only. Other payment method names (AddOrder's paymentmethod, AddInvoicePayment's gateway) are free text the
     * host records without a gateway behind them, so they are not listed as activated methods.
     */
    private Map<String, Object> paymentMethods() {
        List<Map<String, Object>> methods = demoGateway
                ? List.of(Replies.of("module", DEMO_GATEWAY, "displayname", "Demo gateway"))
                : List.of();
        return Replies.of("totalresults", methods.size(), "paymentmethods", Replies.wrapped("paymentmethod", methods));
    }
}
