package org.billinghost.web.internal;

import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
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

import static org.assertj.core.api.Assertions.assertThat;

/** The store, registration, login, the order form and checkout, services and invoices (demo mode). */
class ClientAreaTest {
    private static WebServer server;
    private static Product site;
    private static Product hidden;
    private static Product paid;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(true);
        server.core().addServerModule("fakeserver", new FakeServerModule());
        long shop = server.core().catalog().createGroup("Websites", false).id();
        long secret = server.core().catalog().createGroup("Internal", true).id();
        site = server.core().catalog().addProduct(new NewProduct(shop, "Site Builder", "Build a site", ProductType.OTHER,
                false, PayType.FREE, BigDecimal.ZERO, "fakeserver", List.of("gold"), AutoSetup.ORDER, List.of(
                NewCustomField.text("Site URL", "Where your site lives", true, true).withValidation("https://.+"),
                NewCustomField.text("Nickname", "", false, true),
                NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "", List.of("basic", "pro")),
                NewCustomField.text("Internal note", "", false, false))));
        hidden = server.core().catalog().addProduct(new NewProduct(shop, "Secret Deal", "", ProductType.OTHER, true,
                PayType.FREE, BigDecimal.ZERO, "", List.of(), AutoSetup.MANUAL, List.of()));
        server.core().catalog().addProduct(new NewProduct(secret, "Staff Only", "", ProductType.OTHER, false,
                PayType.FREE, BigDecimal.ZERO, "", List.of(), AutoSetup.MANUAL, List.of()));
        paid = server.core().catalog().addProduct(new NewProduct(shop, "Paid Plan", "", ProductType.OTHER, false,
                PayType.ONETIME, new BigDecimal("7.50"), "fakeserver", List.of("silver"), AutoSetup.PAYMENT, List.of()));
        server.core().catalog().createBundle("Everything", "Both plans", List.of(site.id(), paid.id()));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theStoreShowsVisibleProductsAndBundlesAndHiddenOnesOnlyByLink() {
        Browser b = server.browser();
        Browser.Page store = b.open("/");
        assertThat(store.status()).isEqualTo(200);
        assertThat(store.text()).contains("Websites", "Site Builder", "Paid Plan", "Everything")
                .doesNotContain("Secret Deal", "Staff Only", "Internal");
        Browser.Page direct = b.open("/store/product?id=" + hidden.id());
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.text()).contains("Secret Deal");
        assertThat(b.get("/store/product?id=999999").status()).isEqualTo(404);
        assertThat(b.get("/assets/style.css").body()).contains("body {");
        assertThat(b.get("/assets/../templates/layout.ftlh").status()).isEqualTo(404);
    }

    @Test
    void clientPagesNeedALogin() {
        Browser b = server.browser();
        for (String page : List.of("/clientarea/services", "/clientarea/invoices", "/cart?pid=" + site.id())) {
            Browser.Page answer = b.get(page);
            assertThat(answer.status()).as(page).isEqualTo(303);
            assertThat(answer.location()).as(page).hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
        }
    }

    @Test
    void aClosedClientIsLoggedOutAndCannotLogInAgain() {
        server.newClient("closing@example.com");
        Browser b = server.clientBrowser("closing@example.com");
        assertThat(b.get("/clientarea/services").status()).isEqualTo(200);

        server.core().clients().close(server.core().clients().byEmail("closing@example.com").orElseThrow().id());

        assertThat(b.get("/clientarea/services").status()).isEqualTo(303);
        Browser again = server.browser();
        again.open("/login");
        Browser.Page refused = again.submit("/login", "email", "closing@example.com", "password",
                WebServer.CLIENT_PASSWORD);
        assertThat(refused.text()).contains("Wrong login name or password.");
        assertThat(again.get("/clientarea/services").status()).isEqualTo(303);
    }

    @Test
    void registrationKeepsWhatWasTypedOnAnErrorThenLogsIn() {
        Browser b = server.browser();
        b.open("/register");
        Browser.Page mismatch = b.post("/register", "firstname", "Rita", "lastname", "Reg", "email", "rita@example.com",
                "address1", "Street 1", "city", "Paris", "state", "IDF", "postcode", "75001", "country", "FR",
                "phonenumber", "+33 1", "password", "secret-pass", "password2", "other-pass");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.text()).contains("The two passwords differ.");
        assertThat(mismatch.doc().select("input[name=firstname]").attr("value")).isEqualTo("Rita");
        assertThat(mismatch.doc().select("input[name=password]").attr("value")).isEmpty();
        assertThat(server.core().clients().byEmail("rita@example.com")).isEmpty();

        String before = b.cookie("BHCLIENT").orElseThrow();
        Browser.Page done = b.post("/register", "firstname", "Rita", "lastname", "Reg", "email", "rita@example.com",
                "address1", "Street 1", "city", "Paris", "state", "IDF", "postcode", "75001", "country", "FR",
                "phonenumber", "+33 1", "password", "secret-pass", "password2", "secret-pass");
        assertThat(done.status()).isEqualTo(303);
        assertThat(b.cookie("BHCLIENT")).get().isNotEqualTo(before);
        assertThat(b.open("/clientarea/services").text()).contains("You have no services yet.");

        Browser again = server.browser();
        again.open("/register");
        Browser.Page duplicate = again.post("/register", "firstname", "Rita", "lastname", "Twice", "email",
                "rita@example.com", "address1", "Street 1", "city", "Paris", "state", "IDF", "postcode", "75001",
                "country", "FR", "phonenumber", "+33 1", "password", "secret-pass", "password2", "secret-pass");
        assertThat(duplicate.status()).as("a conflict, as the API answers it").isEqualTo(409);
        assertThat(duplicate.doc().select("input[name=lastname]").attr("value")).isEqualTo("Twice");
        assertThat(duplicate.doc().select(".field.invalid input").attr("name")).isEqualTo("email");
    }

    @Test
    void theOrderFormValidatesKeepsInputAndCheckoutShowsTheActiveService() {
        server.newClient("buyer@example.com");
        Browser b = server.browser();
        Browser.Page toLogin = b.get("/cart?pid=" + site.id());
        b.open(toLogin.location().orElseThrow());
        Browser.Page cart = b.submit("/login", "email", "buyer@example.com", "password", WebServer.CLIENT_PASSWORD,
                "next", "/cart?pid=" + site.id());
        assertThat(cart.doc().select("h1").text()).isEqualTo("Order");
        String url = "cf_" + site.id() + "_" + site.customFields().get(0).id();
        String nick = "cf_" + site.id() + "_" + site.customFields().get(1).id();
        assertThat(cart.doc().select("label").eachText()).contains("Site URL *", "Nickname")
                .doesNotContain("Plan", "Internal note");

        Browser.Page missing = b.post("/cart", "do", "place", "pid", Long.toString(site.id()), url, "", nick, "Nicky");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.doc().select("#order-error").text()).contains("Site URL");
        assertThat(missing.doc().select("input[name=" + nick + "]").attr("value")).isEqualTo("Nicky");
        assertThat(missing.doc().select(".field.invalid input").attr("name")).isEqualTo(url);
        Browser.Page badFormat = b.post("/cart", "do", "place", "pid", Long.toString(site.id()), url, "ftp://nope", nick, "Nicky");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.doc().select("input[name=" + url + "]").attr("value")).isEqualTo("ftp://nope");
        assertThat(badFormat.doc().select(".field.invalid input").attr("name")).as("marked by the refusal's field")
                .isEqualTo(url);
        long clientId = server.core().clients().byEmail("buyer@example.com").orElseThrow().id();
        assertThat(server.core().orders().list(null, clientId, 0, 10).items()).isEmpty();
        assertThat(b.postRaw("/cart", "pid", Long.toString(site.id()), url, "https://x.example", nick, "N").status())
                .isEqualTo(403);
        assertThat(server.core().orders().list(null, clientId, 0, 10).items()).isEmpty();

        Browser.Page placed = b.submit("/cart", "do", "place", "pid", Long.toString(site.id()), url, "https://my.example", nick, "Nicky");
        assertThat(placed.text()).contains("is placed");
        Order order = server.core().orders().list(null, clientId, 0, 10).items().get(0);
        ServiceAccount service = server.core().services().get(order.serviceIds().get(0)).orElseThrow();
        assertThat(service.customFields()).containsEntry("Site URL", "https://my.example").containsEntry("Plan", "basic");
        server.core().runDueJobs();
        Browser.Page services = b.open("/clientarea/services");
        assertThat(services.doc().select("#service-" + service.id() + " .status").text()).isEqualTo("Active");
        assertThat(services.doc().select("#service-" + service.id() + " .fake-module").text()).isEqualTo("Plan gold is ready");
    }

    @Test
    void theDemoGatewayPaysAnUnpaidInvoiceOfTheClientOnly() {
        server.newClient("payer@example.com");
        server.newClient("other@example.com");
        Browser b = server.clientBrowser("payer@example.com");
        b.open("/cart?pid=" + paid.id());
        Browser.Page invoice = b.submit("/cart", "do", "place", "pid", Long.toString(paid.id()));
        assertThat(invoice.doc().select("#invoice-status").text()).isEqualTo("Unpaid");
        assertThat(invoice.doc().select("button").eachText()).contains("Pay with demo gateway");
        long invoiceId = server.core().invoices().ofClient(
                server.core().clients().byEmail("payer@example.com").orElseThrow().id(), 0, 10).items().get(0).id();

        Browser other = server.clientBrowser("other@example.com");
        assertThat(other.get("/clientarea/invoices?id=" + invoiceId).status()).isEqualTo(404);
        other.open("/clientarea/invoices");
        other.submit("/clientarea/invoices?id=" + invoiceId, "do", "pay");
        assertThat(server.core().invoices().get(invoiceId).orElseThrow().status()).isEqualTo(InvoiceStatus.UNPAID);

        Browser.Page paidPage = b.submit("/clientarea/invoices?id=" + invoiceId, "do", "pay");
        assertThat(paidPage.doc().select("#invoice-status").text()).isEqualTo("Paid");
        assertThat(paidPage.doc().select("button").eachText()).doesNotContain("Pay with demo gateway");
        assertThat(b.open("/clientarea/invoices").text()).contains("Paid");
    }

    @Test
    void theCheckoutFormCarriesAnIdempotencyKeySoARepeatedSubmitPlacesOneOrder() {
        server.newClient("twice@example.com");
        Browser b = server.clientBrowser("twice@example.com");
        String key = b.open("/cart?pid=" + paid.id()).doc().select("input[name=idempotencykey]").attr("value");
        assertThat(key).hasSize(43);
        assertThat(b.open("/cart?pid=" + paid.id()).doc().select("input[name=idempotencykey]").attr("value"))
                .isNotEqualTo(key);

        Browser.Page first = b.post("/cart", "do", "place", "pid", Long.toString(paid.id()), "idempotencykey", key);
        Browser.Page again = b.post("/cart", "do", "place", "pid", Long.toString(paid.id()), "idempotencykey", key);
        assertThat(first.status()).isEqualTo(303);
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.location()).isEqualTo(first.location());
        long clientId = server.core().clients().byEmail("twice@example.com").orElseThrow().id();
        assertThat(server.core().orders().list(null, clientId, 0, 10).items()).hasSize(1);
    }

    @Test
    void demoModeTellsTheDemoLogins() {
        assertThat(server.browser().open("/login").text()).contains("Demo mode", "demo@example.com");
        assertThat(server.browser().open("/admin/login").text()).contains("Demo mode", "the password admin");
    }

    @Test
    void bundlesAreOrderedTogether() {
        server.newClient("bundle@example.com");
        Browser b = server.clientBrowser("bundle@example.com");
        long bundleId = server.core().catalog().bundles().get(0).id();
        Browser.Page form = b.open("/cart?bundle=" + bundleId);
        assertThat(form.doc().select("legend").eachText()).hasSize(2);
        String url = "cf_" + site.id() + "_" + site.customFields().get(0).id();
        b.submit("/cart", "do", "place", "bundle", Long.toString(bundleId), url, "https://both.example");
        long clientId = server.core().clients().byEmail("bundle@example.com").orElseThrow().id();
        assertThat(server.core().orders().list(null, clientId, 0, 10).items().get(0).serviceIds()).hasSize(2);
    }

    @Test
    void theMenuComesFromTheRouteTableAndFollowsTheLogin() {
        assertThat(server.browser().open("/").doc().select("header nav a").eachText())
                .containsExactly("Store", "Log in", "Register");
        server.newClient("menu@example.com");
        Browser b = server.clientBrowser("menu@example.com");
        assertThat(b.open("/").doc().select("header nav a").eachAttr("href"))
                .containsExactly("/", "/clientarea/services", "/clientarea/invoices", "/clientarea/emails",
                        "/clientarea/details");
    }

    @Test
    void anUnknownPathAnswers404WithTheMenu() {
        Browser.Page page = server.browser().open("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.doc().select("header nav a").eachText()).containsExactly("Store", "Log in", "Register");
    }
}
