package org.billinghost.httpapi.internal.actions;

import java.util.List;
import java.util.Map;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Currency;
import org.billinghost.httpapi.internal.ActionTable;

/** GetCurrencies and WhmcsDetails: what a client asks before anything else. */
public final class SystemActions {

    /** WHMCS numbers its currencies; the host's one currency is WHMCS's default, 1 (as in AddProduct's pricing). */
    private static final int CURRENCY_ID = 1;

    private final Catalog catalog;
    private final String version;

    public SystemActions(Catalog catalog, String version) {
        this.catalog = catalog;
        this.version = version;
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
                "version", version, "canonicalversion", version)));
    }
}
