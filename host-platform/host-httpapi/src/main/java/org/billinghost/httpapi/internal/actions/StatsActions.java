package org.billinghost.httpapi.internal.actions;

import java.time.LocalDate;
import java.util.Map;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Permissions;
import org.billinghost.httpapi.internal.ActionTable;

/**
 * GetStats: the income and order figures of WHMCS's answer, which the host records. Its ticket, to-do, network
 * issue, billable item, quote and pending cancellation counts are left out rather than answered as 0: the host has
 * no such records (or, for cancellations, no pending state to count), and a 0 would read as a fact.
 */
public final class StatsActions {

    private final Orders orders;
    private final Invoices invoices;

    public StatsActions(Orders orders, Invoices invoices) {
        this.orders = orders;
        this.invoices = invoices;
    }

    public void register(ActionTable table) {
        // income is what an invoices permission shows; the order counts tell less than GetOrders
        table.add("GetStats", Permissions.INVOICES, (r, admin) -> {
            r.refuseUnsupported("timeline_days");
            return stats();
        });
    }

    private Map<String, Object> stats() {
        // "today" is the billing clock's, as the day an order records
        LocalDate today = orders.today();
        LocalDate tomorrow = today.plusDays(1);
        LocalDate yesterday = today.minusDays(1);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate year = today.withDayOfYear(1);
        Map<String, Object> reply = Replies.of(
                "income_today", invoices.income(today, tomorrow).toPlainString(),
                "income_thismonth", invoices.income(month, tomorrow).toPlainString(),
                "income_thisyear", invoices.income(year, tomorrow).toPlainString(),
                "income_alltime", invoices.income(null, null).toPlainString(),
                "orders_pending", orders.count(OrderStatus.PENDING, null, null));
        reply.putAll(ordersOn("today", today));
        reply.putAll(ordersOn("yesterday", yesterday));
        reply.put("orders_thismonth_total", orders.count(null, month, tomorrow));
        reply.put("orders_thisyear_total", orders.count(null, year, tomorrow));
        return reply;
    }

    /** WHMCS's orders_{day}_cancelled, _pending, _fraud, _active and _total. */
    private Map<String, Object> ordersOn(String name, LocalDate day) {
        LocalDate next = day.plusDays(1);
        String prefix = "orders_" + name + "_";
        return Replies.of(prefix + "cancelled", orders.count(OrderStatus.CANCELLED, day, next),
                prefix + "pending", orders.count(OrderStatus.PENDING, day, next),
                prefix + "fraud", orders.count(OrderStatus.FRAUD, day, next),
                prefix + "active", orders.count(OrderStatus.ACTIVE, day, next),
                prefix + "total", orders.count(null, day, next));
    }
}
