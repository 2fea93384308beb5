package org.billinghost.web.internal;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription pages: the admin's pricing grid, the store's cycles, the cart's cycle choice and review step,
 * the client's service card and the admin service page's billing fields and state-fitting commands.
 */
class SubscriptionPagesTest {
    private static final String XSS = "<script>alert(1)</script>";
    /** The last day of January: one month later is the last day of February. */
    private static final LocalDate TODAY = LocalDate.of(2027, 1, 31);
    private static final String PRODUCTS = "/admin/configproducts";
    private static WebServer server;
    private static long groupId;
    /** Monthly 9.95 with a 5.00 setup fee, annually 99.00. */
    private static Product plan;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        server.core().addServerModule("fakeserver", new FakeServerModule());
        server.core().clock().set(TODAY);
        groupId = server.core().catalog().createGroup("Plans", false).id();
        plan = product("Plan " + XSS, List.of(new CyclePrice(BillingCycle.MONTHLY, new BigDecimal("9.95"),
                new BigDecimal("5.00")), new CyclePrice(BillingCycle.ANNUALLY, new BigDecimal("99.00"), null)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Product product(String name, List<CyclePrice> pricing) {
        return server.core().catalog().addProduct(new NewProduct(groupId, name, "", ProductType.OTHER, false,
                PayType.RECURRING, null, "fakeserver", List.of("gold"), AutoSetup.PAYMENT, List.of(), pricing));
    }

    private static String[] productForm(String name, String payType, String... prices) {
        List<String> fields = new java.util.ArrayList<>(List.of("do", "saveproduct", "id", "0",
                "gid", Long.toString(groupId), "name", name, "type", "OTHER", "paytype", payType, "module", "",
                "shownmodule", "", "autosetup", ""));
        fields.addAll(List.of(prices));
        return fields.toArray(String[]::new);
    }

    private static Browser adminOnProducts() {
        Browser admin = server.admin();
        admin.open(PRODUCTS + "?action=product&gid=" + groupId);
        return admin;
    }

    private static ServiceAccount orderedService(String email, BillingCycle cycle) {
        Client client = server.newClient(email);
        Order order = server.core().orders().place(new OrderRequest(client.id(),
                List.of(new OrderLine(plan.id(), "", Map.of(), 1, cycle)), "", true));
        return server.core().services().get(order.serviceIds().get(0)).orElseThrow();
    }

    private static long orders(String email) {
        long clientId = server.core().clients().byEmail(email).orElseThrow().id();
        return server.core().orders().list(null, clientId, 0, 10).total();
    }

    @Test
    void thePricingGridSavesACycleWithItsSetupFeeAndShowsTheCurrency() {
        Browser admin = adminOnProducts();
        Browser.Page saved = admin.submit(PRODUCTS, productForm("Gridded", "RECURRING", "monthly", "9.95",
                "msetupfee", "5.00", "annually", "99", "quarterly", ""));
        assertThat(saved.doc().select(".notice").text()).isEqualTo("Saved product Gridded.");
        Product gridded = server.core().catalog().productsInGroup(groupId).stream()
                .filter(p -> p.name().equals("Gridded")).findFirst().orElseThrow();
        assertThat(gridded.pricing()).containsExactly(
                new CyclePrice(BillingCycle.MONTHLY, new BigDecimal("9.95"), new BigDecimal("5.00")),
                new CyclePrice(BillingCycle.ANNUALLY, new BigDecimal("99.00"), new BigDecimal("0.00")));
        assertThat(saved.doc().select("input[name=msetupfee]").attr("value")).isEqualTo("5.00");
        assertThat(saved.doc().select("input[name=quarterly]").attr("value")).isEmpty();
        assertThat(saved.doc().select("td:has(input[name=monthly])").text()).isEqualTo("$ USD");
        assertThat(admin.open(PRODUCTS).doc().select("tr:has(a[href$='id=" + gridded.id() + "']) .offer").eachText())
                .containsExactly("$9.95 USD Monthly + $5.00 USD setup fee", "$99.00 USD Annually");
    }

    @Test
    void showingAHiddenFreeProductWithAModuleAsksForConfirmationFirst() {
        Product free = server.core().catalog().addProduct(new NewProduct(groupId, "Free plan", "", ProductType.OTHER, true,
                PayType.FREE, null, "fakeserver", List.of("gold"), AutoSetup.PAYMENT, List.of(), null));
        Browser admin = adminOnProducts();
        String[] form = {"do", "saveproduct", "id", Long.toString(free.id()), "gid", Long.toString(groupId),
                "name", "Free plan", "type", "OTHER", "paytype", "FREE", "module", "fakeserver",
                "shownmodule", "fakeserver", "autosetup", "payment", "configoption1", "gold"};

        Browser.Page asked = admin.post(PRODUCTS, form);
        assertThat(asked.doc().select(".notice").text()).startsWith("This product runs the 'fakeserver' module and costs nothing");
        assertThat(server.core().catalog().product(free.id()).orElseThrow().hidden()).isTrue();

        assertThat(asked.doc().select("input[name=confirmfree]").attr("value")).isEqualTo("yes");

        String[] again = java.util.Arrays.copyOf(form, form.length + 2);
        again[form.length] = "confirmfree";
        again[form.length + 1] = "yes";
        Browser.Page confirmed = admin.submit(PRODUCTS, again);
        assertThat(confirmed.doc().select(".notice").text()).isEqualTo("Saved product Free plan.");
        assertThat(server.core().catalog().product(free.id()).orElseThrow().hidden()).isFalse();
    }

    @Test
    void aOneTimeProductTakesItsPriceAndSetupFeeFromTheOneTimeRow() {
        Browser admin = adminOnProducts();
        admin.submit(PRODUCTS, productForm("Once", "ONETIME", "onetime", "20.00", "osetupfee", "2.50"));
        Product once = server.core().catalog().productsInGroup(groupId).stream()
                .filter(p -> p.name().equals("Once")).findFirst().orElseThrow();
        assertThat(once.pricing()).containsExactly(
                new CyclePrice(BillingCycle.ONETIME, new BigDecimal("20.00"), new BigDecimal("2.50")));
    }

    @Test
    void aRefusedPriceIsMarkedBesideItsFieldAndNothingIsSaved() {
        Browser admin = adminOnProducts();
        int before = server.core().catalog().products().size();
        Browser.Page decimals = admin.post(PRODUCTS, productForm("Three decimals", "RECURRING", "monthly", "9.95",
                "annually", "1.234"));
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.doc().select(".field.invalid input").attr("name")).isEqualTo("annually");
        assertThat(decimals.doc().select(".field.invalid .field-error").text()).contains("more than two decimals");
        assertThat(decimals.doc().select("input[name=monthly]").attr("value")).isEqualTo("9.95");

        Browser.Page feeAlone = admin.post(PRODUCTS, productForm("Fee alone", "RECURRING", "monthly", "9.95",
                "qsetupfee", "1.00"));
        assertThat(feeAlone.doc().select(".field.invalid input").attr("name")).isEqualTo("qsetupfee");
        Browser.Page oneTimeFee = admin.post(PRODUCTS, productForm("One-time fee", "ONETIME", "onetime", "5",
                "osetupfee", "-1"));
        assertThat(oneTimeFee.doc().select(".field.invalid input").attr("name")).isEqualTo("osetupfee");
        Browser.Page notANumber = admin.post(PRODUCTS, productForm("Word", "RECURRING", "biennially", "ten"));
        assertThat(notANumber.doc().select(".field.invalid input").attr("name")).isEqualTo("biennially");
        Browser.Page noPrice = admin.post(PRODUCTS, productForm("No price", "RECURRING"));
        assertThat(noPrice.doc().select(".field.invalid select").attr("name")).isEqualTo("paytype");
        Browser.Page freeWithPrice = admin.post(PRODUCTS, productForm("Free priced", "FREE", "monthly", "1.00"));
        assertThat(freeWithPrice.doc().select(".field.invalid input").attr("name")).isEqualTo("monthly");
        assertThat(server.core().catalog().products()).hasSize(before);
    }

    @Test
    void thePricingGridNeedsALoginTheProductsPermissionAndTheFormsToken() {
        String[] form = productForm("Refused", "RECURRING", "monthly", "1.00");
        int before = server.core().catalog().products().size();
        assertThat(server.browser().get(PRODUCTS + "?action=product&gid=" + groupId).location().orElseThrow())
                .startsWith("/admin/login");
        Browser sales = server.adminWithRole("sales-pricing", "Sales Operator");
        assertThat(sales.post(PRODUCTS, form).status()).isEqualTo(403);
        Browser admin = adminOnProducts();
        assertThat(admin.postRaw(PRODUCTS, form).status()).isEqualTo(403);
        assertThat(server.core().catalog().products()).hasSize(before);
    }

    @Test
    void theStoreShowsEachCycleWithItsPriceAndSetupFee() {
        Browser.Page store = server.browser().open("/");
        assertThat(store.doc().select("tr:has(a[href='/cart?pid=" + plan.id() + "']) .offer").eachText())
                .containsExactly("$9.95 USD Monthly + $5.00 USD setup fee", "$99.00 USD Annually");
    }

    @Test
    void theCartReviewsTheChosenCycleThenPlacesTheOrderOnIt() {
        server.newClient("review@example.com");
        Browser b = server.clientBrowser("review@example.com");
        Browser.Page cart = b.open("/cart?pid=" + plan.id());
        String cycle = "billingcycle_" + plan.id();
        assertThat(cart.doc().select("select[name=" + cycle + "] option").eachAttr("value"))
                .containsExactly("monthly", "annually");
        assertThat(cart.doc().select("select[name=" + cycle + "] option[selected]")).isEmpty();

        Browser.Page review = b.submit("/cart", "pid", Long.toString(plan.id()), cycle, "monthly", "do", "review");
        assertThat(review.doc().select("h1").text()).isEqualTo("Review your order");
        assertThat(review.doc().select("#review-" + plan.id() + " .due-today small").text())
                .isEqualTo("$9.95 USD + $5.00 USD setup fee");
        assertThat(review.doc().select("#total-due-today").text()).isEqualTo("$14.95 USD");
        assertThat(review.doc().select("#review-" + plan.id() + " .recurring").text()).isEqualTo("$9.95 USD Monthly");
        assertThat(review.doc().select("#review-" + plan.id() + " .next-due").text()).isEqualTo("2027-02-28");
        assertThat(orders("review@example.com")).as("a review places nothing").isZero();

        Browser.Page annual = b.submit("/cart", "pid", Long.toString(plan.id()), cycle, "annually", "do", "review");
        assertThat(annual.doc().select("#review-" + plan.id() + " .next-due").text()).isEqualTo("2028-01-31");
        String key = annual.doc().select("input[name=idempotencykey]").attr("value");
        Browser.Page placed = b.submit("/cart", "pid", Long.toString(plan.id()), cycle,
                annual.doc().select("input[name=" + cycle + "]").attr("value"), "idempotencykey", key, "do", "place");
        assertThat(placed.doc().select(".notice").text()).contains("is placed");
        long clientId = server.core().clients().byEmail("review@example.com").orElseThrow().id();
        Order order = server.core().orders().list(null, clientId, 0, 10).items().get(0);
        assertThat(server.core().services().get(order.serviceIds().get(0)).orElseThrow().subscription().cycle())
                .isEqualTo(BillingCycle.ANNUALLY);
    }

    @Test
    void aCycleTheProductIsNotSoldOnIsRefusedAtReviewAndAtPlacingAndNothingIsPlaced() {
        server.newClient("forged@example.com");
        Browser b = server.clientBrowser("forged@example.com");
        b.open("/cart?pid=" + plan.id());
        String cycle = "billingcycle_" + plan.id();
        Browser.Page review = b.post("/cart", "pid", Long.toString(plan.id()), cycle, "quarterly", "do", "review");
        assertThat(review.status()).isEqualTo(400);
        assertThat(review.doc().select("#order-error").text())
                .isEqualTo("Plan " + XSS + " is not sold on that billing cycle: choose one of Monthly, Annually.");
        assertThat(review.doc().select(".field.invalid select").attr("name")).isEqualTo(cycle);
        Browser.Page place = b.post("/cart", "pid", Long.toString(plan.id()), cycle, "weekly", "do", "place");
        assertThat(place.status()).isEqualTo(400);
        assertThat(orders("forged@example.com")).isZero();
    }

    @Test
    void theCartNeedsALoginAndTheFormsToken() {
        server.newClient("token@example.com");
        String[] form = {"pid", Long.toString(plan.id()), "billingcycle_" + plan.id(), "monthly", "do", "place"};
        assertThat(server.browser().get("/cart?pid=" + plan.id()).location().orElseThrow()).startsWith("/login");
        Browser b = server.clientBrowser("token@example.com");
        b.open("/cart?pid=" + plan.id());
        assertThat(b.postRaw("/cart", form).status()).isEqualTo(403);
        assertThat(orders("token@example.com")).isZero();
    }

    @Test
    void aProductNameIsEscapedOnThePricingStoreCartAndReviewPages() {
        Browser admin = server.admin();
        assertThat(admin.open(PRODUCTS + "?action=product&id=" + plan.id()).body()).doesNotContain(XSS);
        assertThat(server.browser().open("/").body()).doesNotContain(XSS);
        server.newClient("xss-cart@example.com");
        Browser b = server.clientBrowser("xss-cart@example.com");
        assertThat(b.open("/cart?pid=" + plan.id()).body()).doesNotContain(XSS);
        assertThat(b.submit("/cart", "pid", Long.toString(plan.id()), "do", "review").body()).doesNotContain(XSS);
        assertThat(b.submit("/cart", "pid", Long.toString(plan.id()), "do", "review").text()).contains("Plan " + XSS);
    }

    @Test
    void theServiceCardShowsBillingAndAPendingServiceAsksForItsInvoiceToBePaid() {
        ServiceAccount service = orderedService("card@example.com", BillingCycle.MONTHLY);
        long invoiceId = server.core().orders().get(service.orderId()).orElseThrow().invoiceId();
        Browser b = server.clientBrowser("card@example.com");
        Browser.Page page = b.open("/clientarea/services");
        String card = "#service-" + service.id();
        assertThat(page.doc().select(card + " .cycle").text()).isEqualTo("Monthly");
        assertThat(page.doc().select(card + " .recurring").text()).isEqualTo("$9.95 USD");
        assertThat(page.doc().select(card + " .next-due").text()).isEqualTo("2027-01-31");
        assertThat(page.doc().select(card + " a.pay-invoice").attr("href")).isEqualTo("/clientarea/invoices?id=" + invoiceId);
        assertThat(page.doc().select(card + " .awaiting-payment").text())
                .isEqualTo("This service is set up once invoice #" + invoiceId + " is paid.");
        assertThat(page.doc().select(card + " .fake-module")).as("the module's 'being set up' is not shown").isEmpty();

        server.core().invoices().addPayment(invoiceId, new BigDecimal("14.95"), "card-paid-1", "test");
        Browser.Page paid = b.open("/clientarea/services");
        assertThat(paid.doc().select(card + " a.pay-invoice")).isEmpty();
    }

    @Test
    void theAdminServicePageEditsTheBillingAndLogsTheChange() {
        ServiceAccount service = orderedService("billing@example.com", BillingCycle.MONTHLY);
        String path = "/admin/clientsservices?id=" + service.id();
        Browser admin = server.admin();
        Browser.Page page = admin.open(path);
        assertThat(page.doc().select("#billing-cycle").text()).isEqualTo("Monthly");
        assertThat(page.doc().select("#first-payment").text()).isEqualTo("$14.95 USD");
        assertThat(page.doc().select("#next-invoice").text()).isEqualTo("2027-02-28");

        Browser.Page saved = admin.submit(path, "do", "savebilling", "billingcycle", "quarterly",
                "nextduedate", "2027-03-15", "recurringamount", "25.00", "firstpaymentamount", "14.95",
                "overideautosuspend", "on", "overidesuspenduntil", "2027-04-01");
        assertThat(saved.doc().select(".notice").text()).isEqualTo("Saved the billing of the service.");
        assertThat(saved.doc().select("#override").text()).isEqualTo("Yes until 2027-04-01");
        assertThat(server.core().services().get(service.id()).orElseThrow().subscription().nextDueDate())
                .isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(server.core().activityLog().search("Modified Service - Service ID: " + service.id(), 0, 0, 5).total())
                .isEqualTo(1);
    }

    @Test
    void badBillingInputNamesItsFieldAndChangesNothing() {
        ServiceAccount service = orderedService("badbilling@example.com", BillingCycle.MONTHLY);
        String path = "/admin/clientsservices?id=" + service.id();
        Browser admin = server.admin();
        admin.open(path);
        Browser.Page date = admin.post(path, "do", "savebilling", "billingcycle", "monthly", "nextduedate", "2027-02-30",
                "recurringamount", "30.00", "firstpaymentamount", "14.95");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.doc().select(".field.invalid input").attr("name")).isEqualTo("nextduedate");
        assertThat(date.doc().select(".field.invalid .field-error").text())
                .isEqualTo("The next due date must be a date written as 2026-12-31.");
        assertThat(date.doc().select("input[name=recurringamount]").attr("value")).isEqualTo("30.00");
        Browser.Page amount = admin.post(path, "do", "savebilling", "billingcycle", "monthly", "nextduedate", "",
                "recurringamount", "9.999", "firstpaymentamount", "14.95");
        assertThat(amount.doc().select(".field.invalid input").attr("name")).isEqualTo("recurringamount");
        Browser.Page cycle = admin.post(path, "do", "savebilling", "billingcycle", "fortnightly",
                "recurringamount", "9.95", "firstpaymentamount", "14.95");
        assertThat(cycle.doc().select(".field.invalid select").attr("name")).isEqualTo("billingcycle");
        assertThat(server.core().services().get(service.id()).orElseThrow().subscription()).isEqualTo(service.subscription());
    }

    @Test
    void theBillingFormNeedsALoginAndTheFormsToken() {
        ServiceAccount service = orderedService("guarded@example.com", BillingCycle.MONTHLY);
        String path = "/admin/clientsservices?id=" + service.id();
        String[] form = {"do", "savebilling", "billingcycle", "annually", "recurringamount", "1.00",
                "firstpaymentamount", "1.00"};
        assertThat(server.browser().get(path).location().orElseThrow()).startsWith("/admin/login");
        Browser admin = server.admin();
        admin.open(path);
        assertThat(admin.postRaw(path, form).status()).isEqualTo(403);
        assertThat(server.core().services().get(service.id()).orElseThrow().subscription()).isEqualTo(service.subscription());
    }

    @Test
    void onlyTheCommandsTheServicesStatusAllowsAreOffered() {
        ServiceAccount service = orderedService("commands@example.com", BillingCycle.MONTHLY);
        String path = "/admin/clientsservices?id=" + service.id();
        server.core().services().update(service.id(), new ServiceUpdate(null, ServiceStatus.ACTIVE, null, null));
        Browser admin = server.admin();
        assertThat(admin.open(path).doc().select("input[name=command]").eachAttr("value"))
                .containsExactly("Suspend", "Terminate");
        server.core().services().update(service.id(), new ServiceUpdate(null, ServiceStatus.TERMINATED, null, null));
        assertThat(admin.open(path).doc().select("input[name=command]").eachAttr("value")).isEmpty();
    }
}
