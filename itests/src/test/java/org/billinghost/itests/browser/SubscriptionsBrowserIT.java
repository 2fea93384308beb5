package org.billinghost.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.itests.support.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.itests.support.HostApi;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;
import org.billinghost.testsupport.SandboxClient;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 13's "done when" in a real browser on the real distribution (demo mode, the Jetpack bundles and the
 * bundled Partner API sandbox): an admin sells Jetpack Personal monthly at 9.95; a customer picks the cycle,
 * reviews, pays; the admin moves the next due date back 40 days and runs the automation: a renewal invoice, the
 * service Suspended then Terminated, the plan cancelled in the sandbox. A second customer's renewal paid in time
 * moves the due date by a month and the service stays Active. An upgrade from Personal to Premium makes a
 * prorated invoice; once it is paid the sandbox has the site on Premium. Each step leaves a screenshot in
 * {@code target/subscription-screenshots/}.
 */
public class SubscriptionsBrowserIT extends BrowserTestSupport {
    private static final Duration JOBS = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "subscription-screenshots");
    private static final String PASSWORD = "customer-pass-1";

    @Test
    public void aMonthlyJetpackPlanIsSoldRenewedSuspendedTerminatedAndUpgraded() throws Exception {
        Path modules = tmp.newFolder("modules").toPath();
        for (Path jar : DistributionBundles.jetpackBundles()) {
            Files.copy(jar, modules.resolve(jar.getFileName()));
        }
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().modules(modules).start()) {
            ApiClient api = ApiClient.demo(host);
            HostApi hostApi = new HostApi(api);
            await(Duration.ofSeconds(20), "Jetpack addon and server module registered",
                    () -> hostApi.moduleAvailable("addon", "jetpack") && hostApi.moduleAvailable("server", "jetpack"));
            JetpackCatalog jetpack = JetpackCatalog.installDemo(host, "payment");
            SandboxClient sandbox = SandboxClient.of(host);
            WebDriver driver = chrome.driver();
            AdminPages ui = new AdminPages(driver, host.baseUrl());

            // the admin prices Personal at 9.95 and Premium at 29.95 a month and shows them in the store
            ui.login("admin", "admin");
            price(ui, jetpack.productId("Personal"), "9.95");
            ui.screenshot(SHOTS, "01-admin-pricing-grid");
            price(ui, jetpack.productId("Premium"), "29.95");

            // a customer orders Personal monthly: cycle, review, pay
            String email = "subscriber-" + System.nanoTime() + "@example.com";
            ui.register("Sub", "Scriber", email, PASSWORD);
            String siteA = "renewal-a-" + System.nanoTime() + ".example.com";
            long serviceA = order(ui, api, email, jetpack.productId("Personal"), siteA, "02");
            ui.open("/clientarea/services");
            ui.screenshot(SHOTS, "04-client-service-card");

            // the admin moves the next due date back 40 days and runs the automation now
            LocalDate today = LocalDate.parse(service(api, serviceA).path("regdate").asText());
            // the admin's session (its own cookie) is still open beside the customer's
            ui.open("/admin/clientsservices?id=" + serviceA);
            ui.type(By.name("nextduedate"), today.minusDays(40).toString());
            ui.press("Save billing");
            assertThat(ui.notice()).isEqualTo("Saved the billing of the service.");
            ui.screenshot(SHOTS, "05-admin-next-due-date-moved-back");
            ui.open("/admin/automation");
            ui.press("Run now");
            ui.screenshot(SHOTS, "06-admin-automation-run");

            long clientA = service(api, serviceA).path("clientid").asLong();
            assertThat(renewalInvoices(api, clientA)).isNotEmpty();
            ui.reloadUntil(JOBS, "service " + serviceA + " to be Terminated", () -> {
                ui.open("/admin/clientsservices?id=" + serviceA);
                return ui.text(By.id("service-status")).equals("Terminated");
            });
            ui.screenshot(SHOTS, "07-admin-service-terminated");
            assertThat(activity(api, serviceA)).containsSubsequence("Module Suspend Successful - Service ID: " + serviceA,
                    "Module Terminate Successful - Service ID: " + serviceA);
            assertThat(sandboxSite(sandbox, siteA).path("state").asText()).isEqualTo("cancelled");

            // a second customer's renewal paid in time: due a month later, still Active
            long clientB = api.addClient("Paid", "InTime", "paid-" + System.nanoTime() + "@example.com");
            JsonNode orderB = api.call("AddOrder", Map.of("clientid", clientB, "pid[0]", jetpack.productId("Personal"),
                    "billingcycle[0]", "monthly", "customfields[0]", ApiClient.phpSerialisedBase64(Map.of("Site URL",
                            "https://renewal-b-" + System.nanoTime() + ".example.com", "Local User", "admin")), "paymentmethod", "banktransfer"));
            long serviceB = orderB.path("serviceids").asLong();
            pay(api, orderB.path("invoiceid").asLong());
            await(JOBS, "service " + serviceB + " Active", () -> "Active".equals(api.serviceStatus(serviceB)));
            LocalDate dueSoon = today.plusDays(5);
            api.call("UpdateClientProduct", Map.of("serviceid", serviceB, "nextduedate", dueSoon.toString()));
            api.call("RunAutomation", Map.of());
            List<JsonNode> renewalsB = renewalInvoices(api, clientB);
            assertThat(renewalsB).hasSize(1);
            pay(api, renewalsB.get(0).path("id").asLong());
            assertThat(List.of(service(api, serviceB).path("nextduedate").asText(), api.serviceStatus(serviceB)))
                    .containsExactly(dueSoon.plusMonths(1).toString(), "Active");

            // the first customer upgrades a second site from Personal to Premium
            String siteC = "upgrade-c-" + System.nanoTime() + ".example.com";
            logOutClient(ui);
            loginClient(ui, email);
            long serviceC = order(ui, api, email, jetpack.productId("Personal"), siteC, "09");
            ui.open("/clientarea/upgrade?id=" + serviceC);
            ui.screenshot(SHOTS, "11-client-upgrade-options");
            ui.follow(By.xpath("//tr[td[normalize-space()='" + productName(api, jetpack.productId("Premium"))
                    + "'] and td[normalize-space()='Monthly']]//button[normalize-space()='Choose']"));
            ui.screenshot(SHOTS, "12-client-upgrade-invoice");
            JsonNode upgradeInvoice = unpaidInvoices(api, clientA).get(0);
            assertThat(upgradeInvoice.path("total").asText()).isEqualTo("20.00");
            ui.open("/clientarea/invoices?id=" + upgradeInvoice.path("id").asLong());
            ui.press("Pay with demo gateway");
            await(JOBS, "the sandbox to have " + siteC + " on Premium",
                    () -> sandboxSite(sandbox, siteC).path("plan").asText().equals("premium"));
            ui.open("/clientarea/services");
            ui.screenshot(SHOTS, "13-client-service-on-premium");
            assertThat(service(api, serviceC).path("pid").asLong()).isEqualTo(jetpack.productId("Premium"));
        }
    }

    /** The product form's pricing grid: recurring, monthly at {@code monthly}, shown in the store. */
    private static void price(AdminPages ui, long productId, String monthly) {
        ui.open("/admin/configproducts?action=product&id=" + productId);
        ui.select(By.name("paytype"), "RECURRING");
        ui.type(By.name("monthly"), monthly);
        ui.tick(By.name("hidden"), false);
        ui.press("Save Changes");
        assertThat(ui.notice()).startsWith("Saved product");
    }

    private static void logOutClient(AdminPages ui) {
        ui.open("/logout");
        ui.press("Log out now");
    }

    private static void loginClient(AdminPages ui, String email) {
        ui.open("/login");
        ui.type(By.id("email"), email);
        ui.type(By.id("password"), PASSWORD);
        ui.press("Log in");
    }

    /**
     * The logged-in customer orders the product monthly for {@code site} (review step, then place), pays its
     * invoice with the demo gateway and waits until the service is Active; answers the service id.
     */
    private static long order(AdminPages ui, ApiClient api, String email, long productId, String site, String shot)
            throws Exception {
        ui.open("/cart?pid=" + productId);
        ui.select(By.name("billingcycle_" + productId), "monthly");
        ui.type(By.xpath("//label[starts-with(normalize-space(), 'Site URL')]/following-sibling::input"), "https://" + site);
        ui.type(By.xpath("//label[starts-with(normalize-space(), 'Local User')]/following-sibling::input"), "admin");
        ui.press("Review order");
        ui.screenshot(SHOTS, shot + "-a-cart-review");
        ui.press("Place order");
        long clientId = api.call("GetClients", Map.of("search", email)).path("clients").path("client").get(0)
                .path("id").asLong();
        JsonNode invoice = unpaidInvoices(api, clientId).get(0);
        assertThat(invoice.path("total").asText()).isEqualTo("9.95");
        ui.open("/clientarea/invoices?id=" + invoice.path("id").asLong());
        ui.press("Pay with demo gateway");
        ui.screenshot(SHOTS, shot + "-b-invoice-paid");
        long serviceId = StreamSupport.stream(api.call("GetClientsProducts", Map.of("clientid", clientId))
                .path("products").path("product").spliterator(), false)
                .filter(p -> p.path("domain").asText().contains(site) || customFieldHas(p, site))
                .findFirst().orElseThrow().path("id").asLong();
        await(JOBS, "service " + serviceId + " Active", () -> "Active".equals(api.serviceStatus(serviceId)));
        return serviceId;
    }

    private static boolean customFieldHas(JsonNode product, String site) {
        for (JsonNode field : product.path("customfields").path("customfield")) {
            if (field.path("value").asText().contains(site)) {
                return true;
            }
        }
        return false;
    }

    private static void pay(ApiClient api, long invoiceId) {
        api.call("AddInvoicePayment", Map.of("invoiceid", invoiceId, "transid", "tx-" + invoiceId + "-" + System.nanoTime(),
                "gateway", "banktransfer"));
    }

    private static JsonNode service(ApiClient api, long serviceId) {
        return api.call("GetClientsProducts", Map.of("serviceid", serviceId)).path("products").path("product").get(0);
    }

    private static String productName(ApiClient api, long productId) {
        return api.call("GetProducts", Map.of("pid", productId)).path("products").path("product").get(0)
                .path("name").asText();
    }

    private static List<JsonNode> invoices(ApiClient api, long clientId, String status) {
        return StreamSupport.stream(api.call("GetInvoices", Map.of("userid", clientId, "status", status))
                .path("invoices").path("invoice").spliterator(), false).toList();
    }

    private static List<JsonNode> unpaidInvoices(ApiClient api, long clientId) {
        return invoices(api, clientId, "Unpaid");
    }

    /** Unpaid invoices that bill no order: the automation's renewals. */
    private static List<JsonNode> renewalInvoices(ApiClient api, long clientId) {
        return unpaidInvoices(api, clientId).stream().filter(i -> i.path("orderid").asLong() == 0).toList();
    }

    /** The activity log lines of a service, oldest first. */
    private static List<String> activity(ApiClient api, long serviceId) {
        List<String> lines = StreamSupport.stream(api.call("GetActivityLog", Map.of("description",
                "Service ID: " + serviceId, "limitnum", 100)).path("activity").path("entry").spliterator(), false)
                .map(e -> e.path("description").asText()).collect(java.util.stream.Collectors.toList());
        java.util.Collections.reverse(lines);
        return lines;
    }

    /** The sandbox's record of a site, by its URL without scheme. */
    private static JsonNode sandboxSite(SandboxClient sandbox, String site) {
        for (JsonNode s : sandbox.sites().path("sites")) {
            if (s.path("siteurl").asText().equals(site)) {
                return s;
            }
        }
        throw new AssertionError("the sandbox has no site " + site + ": " + sandbox.sites());
    }
}
