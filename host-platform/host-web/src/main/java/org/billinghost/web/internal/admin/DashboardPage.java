package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.AutomationRun;
import org.billinghost.api.billing.DailyFigures;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.QueueItem;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.Formats;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/}: tiles that link to the lists they count, the last 30 days as charts (income, orders,
 * provisioning successes and failures), open module-queue items, the last automation run and recent activity
 * (each as the role allows).
 */
final class DashboardPage implements Page {
    /** The days the charts show. */
    static final int DAYS = 30;
    private final HostServices host;

    DashboardPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String role = ex.admin().role();
        Map<String, Object> model = Exchange.model(
                "clients", host.clients().list(ListQuery.ALL, 0, 1).total(),
                "pendingOrders", host.orders().list(OrderStatus.PENDING, 0, 0, 1).total(),
                "unpaidInvoices", host.invoices().list(InvoiceStatus.UNPAID, 0, 1).total(),
                "services", host.services().list(0, 0, 1).total());
        boolean queue = host.admins().hasPermission(role, Permission.QUEUE);
        ResultPage<QueueItem> open = queue ? host.queue().list(false, 0, 10) : new ResultPage<>(List.of(), 0, 0, 10);
        model.put("queue", open.items());
        model.put("queueTotal", open.total());
        model.put("showQueue", queue);
        boolean email = host.admins().hasPermission(role, Permission.EMAIL);
        model.put("showMail", email);
        model.put("mailWaiting", email ? host.emails().waiting() : 0L);
        if (host.admins().hasPermission(role, Permission.AUTOMATION)) {
            List<AutomationRun> runs = host.automation().recentRuns();
            model.put("lastRun", runs.isEmpty() ? null : runs.get(0));
            model.put("showAutomation", true);
        }
        if (host.admins().hasPermission(role, Permission.INVOICES)) {
            Formats fmt = new Formats();
            List<DailyFigures.Day> days = host.figures().lastDays(DAYS);
            model.put("charts", List.of(
                    BarChart.of("Income", "chart-income", days, DailyFigures.Day::income, fmt::money),
                    BarChart.of("Orders", "chart-orders", days, d -> BigDecimal.valueOf(d.orders()), BigDecimal::toPlainString),
                    BarChart.of("Services set up", "chart-provisioned", days,
                            d -> BigDecimal.valueOf(d.provisioned()), BigDecimal::toPlainString),
                    BarChart.of("Set-up failures", "chart-failures", days,
                            d -> BigDecimal.valueOf(d.provisioningFailures()), BigDecimal::toPlainString)));
        }
        boolean logs = host.admins().hasPermission(role, Permission.LOGS);
        model.put("activity", logs ? host.activityLog().recent(10) : List.of());
        model.put("showActivity", logs);
        ex.render("admin/dashboard.ftlh", model);
    }
}
