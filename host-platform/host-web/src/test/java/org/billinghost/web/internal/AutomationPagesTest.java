package org.billinghost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin Automation and Cancellation Requests pages and the client's "Request cancellation". */
class AutomationPagesTest {
    private static WebServer server;
    private static long productId;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        long group = server.core().catalog().createGroup("Automated", false).id();
        productId = server.core().catalog().addProduct(new NewProduct(group, "Hosting", "", ProductType.OTHER, false,
                PayType.RECURRING, BigDecimal.TEN, "", List.of(), AutoSetup.MANUAL, List.of())).id();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** An Active service of a new client; answers its id. */
    private static long activeService(String email) {
        long clientId = server.newClient(email).id();
        long serviceId = server.core().orders().place(new OrderRequest(clientId, List.of(new OrderLine(productId,
                "site.example", Map.of())), "banktransfer", true)).serviceIds().get(0);
        server.core().services().update(serviceId, new ServiceUpdate(null, ServiceStatus.ACTIVE, null, null));
        return serviceId;
    }

    @Test
    void runNowRecordsARunThatTheListShows() {
        Browser admin = server.admin();
        admin.open("/admin/automation");

        Browser.Page after = admin.submit("/admin/automation", "do", "run");

        long runId = server.core().automation().recentRuns().get(0).id();
        assertThat(after.text()).contains("Automation run #" + runId + " finished");
        assertThat(after.doc().select("table td").eachText()).contains("#" + runId);
        assertThat(after.doc().select("table th").eachText()).contains("Notices");
    }

    @Test
    void theAutomationPageNeedsALoginThePermissionAndAToken() {
        int runsBefore = server.core().automation().recentRuns().size();
        assertThat(server.browser().get("/admin/automation").location().orElseThrow())
                .startsWith("/admin/login");
        assertThat(server.adminWithRole("support-automation", "Support Operator").get("/admin/automation").status())
                .isEqualTo(403);
        Browser admin = server.admin();
        admin.open("/admin/automation");
        assertThat(admin.postRaw("/admin/automation", "do", "run", "token", admin.token() + "x").status()).isEqualTo(403);
        assertThat(admin.post("/admin/automation", "do", "frobnicate").status()).isEqualTo(400);
        assertThat(server.core().automation().recentRuns()).hasSize(runsBefore);
    }

    @Test
    void aClientRequestsCancellationAndTheAdminSeesItEscaped() {
        long serviceId = activeService("cancel@example.com");
        Browser client = server.clientBrowser("cancel@example.com");
        assertThat(client.open("/clientarea/services").doc().select("a[href=/clientarea/cancel?id=" + serviceId + "]"))
                .hasSize(1);
        client.open("/clientarea/cancel?id=" + serviceId);

        Browser.Page done = client.submit("/clientarea/cancel?id=" + serviceId, "reason", "<script>alert(1)</script>",
                "type", "Immediate");

        assertThat(done.text()).contains("Your cancellation request for service #" + serviceId + " is recorded");
        Browser.Page list = server.admin().open("/admin/cancelrequests");
        assertThat(list.body()).doesNotContain("<script>alert(1)</script>");
        assertThat(list.doc().select("table td").eachText()).contains("<script>alert(1)</script>");
    }

    @Test
    void aSecondRequestIsRefusedWithAMessage() {
        long serviceId = activeService("twice@example.com");
        Browser client = server.clientBrowser("twice@example.com");
        client.open("/clientarea/cancel?id=" + serviceId);
        client.submit("/clientarea/cancel?id=" + serviceId, "reason", "", "type", "End of Billing Period");

        Browser.Page again = client.submit("/clientarea/cancel?id=" + serviceId, "reason", "", "type", "Immediate");

        assertThat(again.text()).contains("Service " + serviceId + " already has a cancellation request");
        assertThat(server.core().cancellationRequests().ofService(serviceId).orElseThrow().type().label())
                .isEqualTo("End of Billing Period");
    }

    @Test
    void badRequestsForACancellationChangeNothing() {
        long serviceId = activeService("bad-cancel@example.com");
        long othersService = activeService("other-cancel@example.com");
        Browser client = server.clientBrowser("bad-cancel@example.com");
        client.open("/clientarea/cancel?id=" + serviceId);

        assertThat(client.get("/clientarea/cancel?id=" + othersService).status()).isEqualTo(404);
        assertThat(client.post("/clientarea/cancel?id=" + serviceId, "type", "Tomorrow").status()).isEqualTo(400);
        assertThat(client.post("/clientarea/cancel?id=" + serviceId, "type", "Immediate", "reason", "x".repeat(1001))
                .status()).isEqualTo(400);
        assertThat(client.postRaw("/clientarea/cancel?id=" + serviceId, "type", "Immediate").status()).isEqualTo(403);
        assertThat(server.browser().get("/clientarea/cancel?id=" + serviceId).location().orElseThrow())
                .startsWith("/login");
        assertThat(server.core().cancellationRequests().ofService(serviceId)).isEmpty();
    }
}
