package org.billinghost.web.internal;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service page with module commands, orders (accept, cancel) and invoices (mark paid). */
class ServiceOrderPagesTest {
    private static final FakeServerModule MODULE = new FakeServerModule();
    private static WebServer server;
    private static Client client;
    private static long groupId;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        server.core().addServerModule("fakeserver", MODULE);
        client = server.newClient("orders@example.com");
        groupId = server.core().catalog().createGroup("Servers", false).id();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Product product(String name, AutoSetup autoSetup, BigDecimal price) {
        return server.core().catalog().addProduct(new NewProduct(groupId, name, "", ProductType.OTHER, false,
                price.signum() == 0 ? PayType.FREE : PayType.ONETIME, price, "fakeserver", List.of("plan-a", "", "s"),
                autoSetup, List.of(NewCustomField.text("Notes", "", false, false))));
    }

    private static Order order(Product p) {
        return server.core().orders().place(new OrderRequest(client.id(),
                List.of(new OrderLine(p.id(), "", Map.of())), "", true));
    }

    @Test
    void moduleCommandsRunFromTheServicePageAndTerminateAsksFirst() {
        Order order = order(product("Manual", AutoSetup.MANUAL, BigDecimal.ZERO));
        long sid = order.serviceIds().get(0);
        String path = "/admin/clientsservices?id=" + sid;
        Browser admin = server.admin();
        Browser.Page page = admin.open(path);
        // a Pending service is offered what its status allows: no Suspend, no Unsuspend
        assertThat(page.doc().select("input[name=command]").eachAttr("value")).containsExactly("Create", "Terminate");
        assertThat(page.doc().select("input[name=function]").eachAttr("value")).containsExactly("reboot");
        assertThat(page.text()).contains("Remote id", "<b>r-" + sid + "</b>");
        assertThat(page.doc().select("#service-status").text()).isEqualTo("Pending");

        Browser.Page created = admin.submit(path, "do", "command", "command", "Create");
        assertThat(created.doc().select(".notice").text()).isEqualTo("Create done.");
        assertThat(created.doc().select("#service-status").text()).isEqualTo("Active");

        Browser.Page confirm = admin.post(path, "do", "command", "command", "Terminate");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text()).contains("Really run Terminate on service #" + sid);
        assertThat(server.core().services().get(sid).orElseThrow().status()).isEqualTo(ServiceStatus.ACTIVE);
        Browser.Page terminated = admin.submit(path, "do", "command", "command", "Terminate", "confirm", "yes");
        assertThat(terminated.doc().select("#service-status").text()).isEqualTo("Terminated");

        int reboots = MODULE.reboots.get();
        assertThat(admin.submit(path, "do", "custom", "function", "reboot").doc().select(".notice").text())
                .isEqualTo("Reboot: Rebooted <fast>");
        assertThat(MODULE.reboots.get()).isEqualTo(reboots + 1);

        Browser.Page unsupported = admin.post(path, "do", "command", "command", "ChangePackage");
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(admin.post(path, "do", "custom", "function", "format-disk").status()).isEqualTo(400);
        assertThat(MODULE.reboots.get()).isEqualTo(reboots + 1);
    }

    @Test
    void customFieldValuesAreEditedOnTheServicePage() {
        Order order = order(product("Editable", AutoSetup.MANUAL, BigDecimal.ZERO));
        long sid = order.serviceIds().get(0);
        Product p = server.core().catalog().product(server.core().services().get(sid).orElseThrow().productId()).orElseThrow();
        long fieldId = p.customFields().get(0).id();
        Browser admin = server.admin();
        admin.open("/admin/clientsservices?id=" + sid);
        Browser.Page saved = admin.submit("/admin/clientsservices?id=" + sid, "do", "savefields", "domain",
                "example.org", "status", "Pending", "cf_" + fieldId, "<i>note</i>");
        assertThat(saved.text()).contains("Saved the service.");
        assertThat(saved.doc().select("input[name=cf_" + fieldId + "]").attr("value")).isEqualTo("<i>note</i>");
        assertThat(server.core().services().get(sid).orElseThrow().customFields()).containsEntry("Notes", "<i>note</i>");
        assertThat(server.core().services().get(sid).orElseThrow().domain()).isEqualTo("example.org");
    }

    @Test
    void ordersAreListedAcceptedAndCancelled() {
        Product p = product("Accepted", AutoSetup.ACCEPT, BigDecimal.ZERO);
        Order first = order(p);
        Order second = order(p);
        Browser admin = server.admin();
        Browser.Page list = admin.open("/admin/orders?status=Pending");
        assertThat(list.doc().select("td a").eachText()).contains(Long.toString(first.id()), Long.toString(second.id()));

        admin.open("/admin/orders?id=" + first.id());
        Browser.Page accepted = admin.submit("/admin/orders?id=" + first.id(), "do", "accept", "runcreate", "on");
        assertThat(accepted.text()).contains("Accepted order #" + first.id() + ".");
        assertThat(server.core().orders().get(first.id()).orElseThrow().status()).isEqualTo(OrderStatus.ACTIVE);

        Browser.Page asked = admin.submit("/admin/orders?id=" + second.id(), "do", "cancel");
        assertThat(asked.doc().select("#confirm-question").text()).startsWith("Cancel order #" + second.id() + "?");
        assertThat(server.core().orders().get(second.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        Browser.Page cancelled = admin.submit("/admin/orders?id=" + second.id(), "do", "cancel", "confirm", "yes");
        assertThat(cancelled.doc().select("#order-status").text()).isEqualTo("Cancelled");
        Browser.Page again = admin.submit("/admin/orders?id=" + second.id(), "do", "accept");
        assertThat(again.doc().select(".notice.error")).isNotEmpty();
        assertThat(server.core().orders().get(second.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void anInvoiceIsMarkedPaidOnce() {
        Order order = order(product("Priced", AutoSetup.MANUAL, new BigDecimal("5.00")));
        String path = "/admin/invoices?id=" + order.invoiceId();
        Browser admin = server.admin();
        Browser.Page invoice = admin.open(path);
        assertThat(invoice.doc().select("#invoice-status").text()).isEqualTo("Unpaid");
        assertThat(invoice.text()).contains("5.00");
        Browser.Page paid = admin.submit(path, "do", "markpaid");
        assertThat(paid.doc().select("#invoice-status").text()).isEqualTo("Paid");
        assertThat(server.core().invoices().get(order.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        Browser.Page twice = admin.post(path, "do", "markpaid");
        assertThat(twice.status()).isEqualTo(303);
        assertThat(admin.open(path).doc().select(".notice.error").text()).contains("is Paid, not Unpaid");
        assertThat(admin.get("/admin/invoices?id=987654").status()).isEqualTo(404);
    }

    @Test
    void withoutDemoModeThereIsNoDemoGatewayNorDemoHint() {
        Order order = order(product("No demo", AutoSetup.MANUAL, new BigDecimal("3.00")));
        Browser customer = server.clientBrowser("orders@example.com");
        Browser.Page invoice = customer.open("/clientarea/invoices?id=" + order.invoiceId());
        assertThat(invoice.doc().select("#invoice-status").text()).isEqualTo("Unpaid");
        assertThat(invoice.doc().select("button").eachText()).doesNotContain("Pay with demo gateway");
        assertThat(customer.post("/clientarea/invoices?id=" + order.invoiceId(), "do", "pay").status()).isEqualTo(400);
        assertThat(server.core().invoices().get(order.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.UNPAID);
        assertThat(server.browser().open("/admin/login").text()).doesNotContain("Demo mode");
        assertThat(server.browser().open("/login").text()).doesNotContain("Demo mode");
    }

    @Test
    void theClientProfileListsServicesOrdersAndInvoices() {
        Order order = order(product("Profile", AutoSetup.MANUAL, BigDecimal.ONE));
        Browser admin = server.admin();
        Browser.Page clients = admin.open("/admin/clients?search=orders@");
        assertThat(clients.doc().select("td a").eachText()).contains("Cora Client");
        assertThat(admin.open("/admin/clients?search=nobody-matches").text()).contains("No client matches.");
        Browser.Page profile = admin.open("/admin/clientssummary?id=" + client.id());
        assertThat(profile.text()).contains("orders@example.com", "Profile");
        assertThat(profile.doc().select("a[href='/admin/orders?id=" + order.id() + "']")).hasSize(1);
        assertThat(profile.doc().select("a[href='/admin/invoices?id=" + order.invoiceId() + "']")).hasSize(1);
    }
}
