package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Confirmation;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.ListView;
import org.billinghost.web.internal.Page;
import org.billinghost.web.internal.PageException;
import org.billinghost.web.internal.Pager;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /admin/orders}: the list (by status, with paging), one order, Accept and Cancel. */
final class OrdersPage implements Page {
    private final HostServices host;

    OrdersPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        long id = ex.number("id");
        if (ex.isPost()) {
            String back = "/admin/orders?id=" + id;
            switch (ex.param("do")) {
                case "accept" -> ex.actThenRedirect(back, () -> "Accepted order #"
                        + host.orders().accept(id, ex.ticked("runcreate")).id() + ".");
                case "cancel" -> {
                    if (!Confirmation.given(ex)) {
                        Confirmation.ask(ex, "Cancel order #" + id + "? Its pending services are cancelled and its"
                                + " unpaid invoice too.", back, Map.of("do", "cancel"), "Yes, cancel the order", back);
                        return;
                    }
                    ex.actThenRedirect(back, () -> "Cancelled order #" + host.orders().cancel(id).id() + ".");
                }
                default -> throw PageException.badRequest("Unknown action.");
            }
            return;
        }
        if (id != 0) {
            Order order = host.orders().get(id).orElseThrow(() -> PageException.notFound("There is no order #" + id + "."));
            ex.render("admin/order.ftlh", Exchange.model("order", order, "payment", payments(List.of(order)).get(String.valueOf(order.id())),
                    "owner", host.clients().get(order.clientId()).orElse(null),
                    "services", order.serviceIds().stream().map(s -> host.services().get(s).orElse(null))
                            .filter(Objects::nonNull).toList()));
            return;
        }
        String status = ex.param("status");
        OrderStatus filter = status.isEmpty() ? null : OrderStatus.fromLabel(status);
        ListView list = ListView.of(ex, "/admin/orders?status=" + Pager.encode(status), Orders.SORT_KEYS);
        Pager pager = Pager.of(ex, list.link());
        ResultPage<Order> page = host.orders().list(list.query(), filter, pager.offset(), pager.size());
        ex.render("admin/orders.ftlh", Exchange.model("orders", page.items(), "status", status, "list", list,
                "statuses", Arrays.stream(OrderStatus.values()).map(OrderStatus::label).toList(),
                "names", ClientNames.of(host.clients(), page.items().stream().mapToLong(Order::clientId)),
                "payments", payments(page.items()), "pager", pager.withTotal(page.total())));
    }

    /** Each order's payment status, by the order's id as text: its invoice's (Paid, Unpaid, Cancelled). */
    private Map<String, String> payments(List<Order> orders) {
        Map<String, String> payments = new HashMap<>();
        orders.stream().filter(o -> o.invoiceId() > 0).forEach(o -> host.invoices().get(o.invoiceId())
                .ifPresent(i -> payments.put(String.valueOf(o.id()), i.status().label())));
        return payments;
    }
}
