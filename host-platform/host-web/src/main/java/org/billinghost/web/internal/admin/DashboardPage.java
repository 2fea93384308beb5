package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.QueueItem;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.web.internal.Exchange;
import org.billinghost.web.internal.HostServices;
import org.billinghost.web.internal.Page;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code /admin/}: counts, open module-queue items and recent activity (each as the role allows). */
final class DashboardPage implements Page {
    private final HostServices host;

    DashboardPage(HostServices host) {
        this.host = host;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String role = ex.admin().role();
        Map<String, Object> model = Exchange.model(
                "clients", host.clients().search("", 0, 1).total(),
                "pendingOrders", host.orders().list(OrderStatus.PENDING, 0, 0, 1).total(),
                "services", host.services().list(0, 0, 1).total());
        boolean queue = host.admins().hasPermission(role, Permission.QUEUE);
        ResultPage<QueueItem> open = queue ? host.queue().list(false, 0, 10) : new ResultPage<>(List.of(), 0, 0, 10);
        model.put("queue", open.items());
        model.put("queueTotal", open.total());
        model.put("showQueue", queue);
        boolean email = host.admins().hasPermission(role, Permission.EMAIL);
        model.put("showMail", email);
        model.put("mailWaiting", email ? host.emails().waiting() : 0L);
        boolean logs = host.admins().hasPermission(role, Permission.LOGS);
        model.put("activity", logs ? host.activityLog().search("", 0, 0, 10).items() : List.of());
        model.put("showActivity", logs);
        ex.render("admin/dashboard.ftlh", model);
    }
}
