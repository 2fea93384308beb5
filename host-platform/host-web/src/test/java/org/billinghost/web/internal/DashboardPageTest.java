package org.billinghost.web.internal;

import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: the dashboard's tiles link to their lists; its charts show today's orders, income and set-ups. */
class DashboardPageTest {
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void todaysOrderPaymentAndSetUpAppearInTheChartsAndTheTilesLinkTheirLists() {
        server.core().addServerModule("dashmod", new FakeServerModule());
        long gid = server.core().catalog().createGroup("Dash", false).id();
        long pid = server.core().catalog().addProduct(new NewProduct(gid, "Dashed", "", ProductType.OTHER, false,
                PayType.ONETIME, new BigDecimal("12.50"), "dashmod", List.of(), AutoSetup.PAYMENT, List.of())).id();
        long clientId = server.newClient("dash@example.com").id();
        long invoiceId = server.core().orders().place(new OrderRequest(clientId, List.of(new OrderLine(pid, "", Map.of())),
                "", false)).invoiceId();
        server.core().invoices().addPayment(invoiceId, new BigDecimal("12.50"), "tx-dash", "bank");
        server.core().runDueJobs();

        Browser.Page dashboard = server.admin().open("/admin/");

        String today = server.core().orders().today().toString();
        assertThat(dashboard.doc().select("#chart-orders rect title").last().text()).isEqualTo(today + ": 1");
        assertThat(dashboard.doc().select("#chart-income figcaption strong").text()).isEqualTo("12.50");
        assertThat(dashboard.doc().select("#chart-provisioned rect title").last().text()).isEqualTo(today + ": 1");
        assertThat(dashboard.doc().select("#chart-orders rect")).hasSize(30);
        assertThat(dashboard.doc().select("a.card").eachAttr("href")).contains("/admin/clients",
                "/admin/orders?status=Pending", "/admin/invoices?status=Unpaid", "/admin/services",
                "/admin/modulequeue", "/admin/automation");
    }
}
