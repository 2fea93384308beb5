package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;

/**
 * {@code /admin/search?q=}: the global search of the header (focused with {@code /}): clients by name, company or
 * e-mail, services by domain or site, orders and invoices by number (or their client); only what the admin's
 * role may open, a few of each with a link to the whole list.
 */
final class SearchPage implements Page {
    /** How many of each kind the page shows; the link to the list shows the rest. */
    static final int EACH = 10;
    private final HostServices host;

    SearchPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String q = ex.param("q").trim();
        if (q.length() > ListQuery.MAX_SEARCH) {
            throw PageException.badRequest("The search is longer than " + ListQuery.MAX_SEARCH + " characters.");
        }
        Map<String, Object> model = Exchange.model("q", q);
        if (!q.isEmpty()) {
            ListQuery query = new ListQuery(q, null, false);
            List<Client> clients = may(ex, Permission.CLIENTS) ? host.clients().list(query, 0, EACH).items() : null;
            List<ServiceAccount> services = may(ex, Permission.SERVICES)
                    ? host.services().list(query, 0, EACH).items() : null;
            List<Order> orders = may(ex, Permission.ORDERS) ? host.orders().list(query, null, 0, EACH).items() : null;
            List<Invoice> invoices = may(ex, Permission.INVOICES)
                    ? host.invoices().list(query, null, 0, EACH).items() : null;
            model.put("clients", clients);
            model.put("services", services);
            model.put("orders", orders);
            model.put("invoices", invoices);
            model.put("names", ClientNames.of(host.clients(), LongStream.concat(
                    clientIds(services, ServiceAccount::clientId), LongStream.concat(clientIds(orders, Order::clientId),
                            clientIds(invoices, Invoice::clientId)))));
        }
        ex.render("admin/search.ftlh", model);
    }

    private boolean may(Exchange ex, String permission) {
        return host.admins().hasPermission(ex.admin().role(), permission);
    }

    private static <T> LongStream clientIds(List<T> rows, ToLongFunction<T> clientId) {
        return rows == null ? LongStream.empty() : rows.stream().mapToLong(clientId);
    }
}
