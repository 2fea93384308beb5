package org.billinghost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.Upgrade;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client area's Upgrade/Downgrade page and the admin service page's change of product and cycle. */
class UpgradePagesTest {
    private static final String XSS = "<script>alert(1)</script>";
    private static WebServer server;
    private static Product basic;
    private static Product pro;
    private static int clients;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        long group = server.core().catalog().createGroup("Plans", false).id();
        basic = plan(group, "Basic", "10.00");
        pro = plan(group, "Pro " + XSS, "30.00");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Product plan(long group, String name, String price) {
        return server.core().catalog().addProduct(new NewProduct(group, name, "", ProductType.OTHER, false,
                PayType.RECURRING, null, "", List.of(), AutoSetup.MANUAL, List.of(), List.of(
                        new CyclePrice(BillingCycle.MONTHLY, new BigDecimal(price), BigDecimal.ZERO))));
    }

    /** A client with an Active monthly Basic service paid for 1 March - 1 April 2027; the clock then on 11 March. */
    private static long[] clientWithService() {
        Client client = server.newClient("upgrader" + (++clients) + "@example.com");
        server.core().clock().set(LocalDate.of(2027, 3, 1));
        Order order = server.core().orders().place(new OrderRequest(client.id(), List.of(new OrderLine(basic.id(),
                "", Map.of(), 1, BillingCycle.MONTHLY)), "banktransfer", true));
        Invoice invoice = server.core().invoices().get(order.invoiceId()).orElseThrow();
        server.core().invoices().addPayment(invoice.id(), invoice.total(), "tx-up-" + clients, "banktransfer");
        long serviceId = order.serviceIds().get(0);
        server.core().jdbc().update("UPDATE services SET status = 'Active' WHERE id = ?", serviceId);
        server.core().clock().set(LocalDate.of(2027, 3, 11));
        return new long[] {client.id(), serviceId};
    }

    private static List<Upgrade> history(long serviceId) {
        return server.core().upgrades().history(serviceId);
    }

    @Test
    void aClientSeesTheOtherProductsWithTheirDifferenceAndChoosingOneCreatesTheInvoice() {
        long[] ids = clientWithService();
        Browser client = server.clientBrowser("upgrader" + clients + "@example.com");
        String path = "/clientarea/upgrade?id=" + ids[1];

        Browser.Page page = client.open(path);
        assertThat(page.doc().select("table td").eachText()).containsSequence("Pro " + XSS, "Monthly", "30.00",
                "13.55");
        assertThat(page.body()).doesNotContain(XSS);
        assertThat(client.open("/clientarea/services").doc().select("a[href=" + path + "]").text())
                .isEqualTo("Upgrade/Downgrade");

        Browser.Page chosen = client.submit(path, "product", String.valueOf(pro.id()), "cycle", "monthly");

        Upgrade upgrade = history(ids[1]).get(0);
        assertThat(chosen.text()).contains("Upgrade invoice #" + upgrade.invoiceId() + " created");
        assertThat(upgrade.amount()).isEqualByComparingTo("13.55");
    }

    @Test
    void theClientPageRefusesStrangersBadTokensAndBadInputChangingNothing() {
        long[] ids = clientWithService();
        String path = "/clientarea/upgrade?id=" + ids[1];

        assertThat(server.browser().get(path).location()).hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
        server.newClient("stranger" + ids[1] + "@example.com");
        Browser stranger = server.clientBrowser("stranger" + ids[1] + "@example.com");
        assertThat(stranger.get(path).status()).isEqualTo(404);
        Browser owner = server.clientBrowser("upgrader" + clients + "@example.com");
        owner.open(path);
        assertThat(owner.postRaw(path, "product", String.valueOf(pro.id()), "cycle", "monthly").status()).isEqualTo(403);
        assertThat(owner.post(path, "product", String.valueOf(pro.id()), "cycle", "weekly").status()).isEqualTo(400);
        assertThat(owner.submit(path, "product", String.valueOf(basic.id()), "cycle", "monthly").text())
                .contains("The service is already on 'Basic' Monthly");
        assertThat(history(ids[1])).isEmpty();
    }

    @Test
    void anAdminCalculatesFirstThenConfirms() {
        long[] ids = clientWithService();
        String path = "/admin/clientsservices?id=" + ids[1];
        Browser admin = server.admin();
        admin.open(path);
        String choice = pro.id() + ":monthly";

        Browser.Page quote = admin.post(path, "do", "upgrade", "choice", choice);
        assertThat(quote.doc().select("#upgrade-quote").text()).contains("credit 6.77 for 21 of 31 days",
                "charge 20.32", "difference 13.55");
        assertThat(quote.body()).doesNotContain(XSS);
        assertThat(history(ids[1])).isEmpty();

        Browser.Page done = admin.submit(path, "do", "upgrade", "choice", choice, "confirm", "yes");

        assertThat(done.text()).contains("Upgrade invoice #" + history(ids[1]).get(0).invoiceId() + " created");
        assertThat(done.doc().select("#upgrades td").eachText()).contains("pending");
    }

    @Test
    void theAdminChangeRefusesBadInputWrongRolesAndMissingTokens() {
        long[] ids = clientWithService();
        String path = "/admin/clientsservices?id=" + ids[1];
        Browser admin = server.admin();
        admin.open(path);

        assertThat(admin.post(path, "do", "upgrade", "choice", "nonsense").status()).isEqualTo(400);
        assertThat(admin.post(path, "do", "upgrade", "choice", pro.id() + ":weekly").status()).isEqualTo(400);
        assertThat(admin.submit(path, "do", "upgrade", "choice", pro.id() + ":annually", "confirm", "yes").text())
                .contains("is not sold Annually");
        assertThat(admin.postRaw(path, "do", "upgrade", "choice", pro.id() + ":monthly", "confirm", "yes").status())
                .isEqualTo(403);
        assertThat(server.browser().get(path).location()).hasValueSatisfying(l -> assertThat(l).contains("/admin/login"));
        server.core().admins().saveRole("Invoices only", java.util.Set.of("invoices"));
        Browser clerk = server.adminWithRole("upgrade-clerk-" + ids[1], "Invoices only");
        assertThat(clerk.post(path, "do", "upgrade", "choice", pro.id() + ":monthly", "confirm", "yes").status())
                .isEqualTo(403);
        assertThat(history(ids[1])).isEmpty();
    }
}
