package org.billinghost.itests.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.itests.support.Eventually.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.itests.support.HostApi;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;
import org.billinghost.testsupport.SandboxClient;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 5's test on the real launcher in demo mode (built-in Partner API sandbox): the two Jetpack
 * bundles are dropped into modules/, then an admin activates and configures the addon with the
 * sandbox's demo partner, validates it, creates the products and provisions a plan by hand; a
 * customer's order of {@code Jetpack - Personal Plan} placed through the API with a site URL
 * becomes Active once its invoice is paid.
 */
public class JetpackAddonIT {
    private static final Duration DEPLOY = Duration.ofSeconds(20);
    private static final String PAGE = "admin/addonmodules?module=jetpack";
    private static final String PARTNER_ID = "1001";
    private static final String PARTNER_SECRET = "demo-partner-secret";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void theFirstHourOfAHostingPartnerInDemoMode() throws Exception {
        Path modules = tmp.newFolder("modules").toPath();
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().modules(modules).start()) {
            HostApi api = new HostApi(ApiClient.demo(host));
            for (Path jar : DistributionBundles.jetpackBundles()) {
                Files.copy(jar, modules.resolve(jar.getFileName()));
            }
            await(DEPLOY, "Jetpack addon and server module registered after the drop into modules/",
                    () -> api.moduleAvailable("addon", "jetpack") && api.moduleAvailable("server", "jetpack"));
            AdminSession admin = AdminSession.login(host, "admin", "admin");

            activateAndConfigure(admin);
            String details = admin.get(PAGE).body();
            assertThat(details).contains("<dd>" + PARTNER_ID + "</dd>").contains("<dd>********</dd>").doesNotContain(PARTNER_SECRET);
            assertThat(admin.post(PAGE + "&action=validate_partner_credentials", Map.of()).body())
                    .contains("The partner credentials are valid");

            long groupId = JetpackCatalog.groupId(admin, "Jetpack");
            HttpResponse<String> created = admin.post(PAGE + "&action=add_product", Map.of("product_group_id", String.valueOf(groupId)));
            assertThat(created.statusCode()).as("post/redirect/get after Create").isEqualTo(303);
            assertThat(admin.post(PAGE + "&action=add_product", Map.of("product_group_id", String.valueOf(groupId))).body())
                    .contains("The Jetpack products already exist");
            Map<String, Long> products = jetpackProducts(api, groupId);
            assertThat(products).containsOnlyKeys("Jetpack - Free Plan", "Jetpack - Personal Plan", "Jetpack - Premium Plan",
                    "Jetpack - Professional Plan");
            long personal = products.get("Jetpack - Personal Plan");
            setPrice(admin, groupId, personal, "9.00");

            long clientId = api.client().addClient("Ann", "Lee", "ann@example.org");
            JsonNode order = api.client().addOrder(clientId, personal,
                    Map.of("Site URL", "https://ann-blog.example.com", "Local User", "ann"));
            long serviceId = Long.parseLong(order.path("serviceids").asText());
            assertThat(api.client().serviceStatus(serviceId)).isEqualTo("Pending");
            JsonNode paid = api.client().call("AddInvoicePayment", Map.of("invoiceid", order.path("invoiceid").asLong(),
                    "transid", "IT-JETPACK-" + serviceId, "gateway", "banktransfer"));
            assertThat(paid.path("status").asText()).isEqualTo("Paid");
            await(Duration.ofSeconds(30), "service " + serviceId + " Active", () -> "Active".equals(api.client().serviceStatus(serviceId)));
            assertThat(api.client().customField(serviceId, "Plan")).isEqualTo("personal");
            assertThat(api.client().customField(serviceId, "jetpack_provisioning_details")).startsWith("URL to Activate Jetpack: ");

            assertThat(admin.get(PAGE + "&action=manage_product").body())
                    .containsPattern(">Jetpack - Personal Plan</a></td><td>Personal</td><td>Jetpack</td><td>1</td>");

            String provisioned = admin.post(PAGE + "&action=provision_plan",
                    Map.of("plan", "premium", "site_url", "manual-it.example.com", "local_user", "admin")).body();
            assertThat(provisioned).contains("The Jetpack Premium plan was provisioned for manual-it.example.com.");
            assertThat(SandboxClient.of(host).sites().toString()).contains("manual-it.example.com").contains("ann-blog.example.com");
            assertThat(api.activityContains("JETPACK MODULE: manual provisioning of the premium plan for manual-it.example.com"))
                    .isTrue();
        }
    }

    /** Setup › Addon Modules: Activate, then Configure with the sandbox's demo partner and the admin's role. */
    private static void activateAndConfigure(AdminSession admin) {
        admin.get("admin/configaddonmods");
        assertThat(admin.post("admin/configaddonmods", Map.of("action", "activate", "module", "jetpack")).statusCode()).isEqualTo(303);
        assertThat(admin.get("admin/configaddonmods").body()).contains("Activated Jetpack by Automattic.");
        admin.get("admin/configaddonmods?action=configure&module=jetpack");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", "save");
        form.put("module", "jetpack");
        form.put("f_partner_client_id", PARTNER_ID);
        form.put("f_partner_client_secret", PARTNER_SECRET);
        form.put("roles", "Full Administrator");
        assertThat(admin.post("admin/configaddonmods", form).statusCode()).isEqualTo(303);
    }

    private static Map<String, Long> jetpackProducts(HostApi api, long groupId) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (JsonNode p : api.client().call("GetProducts", Map.of("gid", groupId)).path("products").path("product")) {
            if ("jetpack".equals(p.path("module").asText())) {
                ids.put(p.path("name").asText(), p.path("pid").asLong());
            }
        }
        return ids;
    }

    /** What the README asks after Create: set the price in the product's edit form (the stored secret is kept). */
    private static void setPrice(AdminSession admin, long groupId, long productId, String price) {
        admin.get("admin/configproducts?action=product&id=" + productId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("do", "saveproduct");
        form.put("id", String.valueOf(productId));
        form.put("gid", String.valueOf(groupId));
        form.put("name", "Jetpack - Personal Plan");
        form.put("type", "OTHER");
        form.put("hidden", "on");
        form.put("paytype", "ONETIME");
        form.put("onetime", price);
        form.put("module", "jetpack");
        form.put("shownmodule", "jetpack");
        form.put("configoption1", PARTNER_ID);
        form.put("configoption2", "");
        form.put("autosetup", "payment");
        assertThat(admin.post("admin/configproducts", form).statusCode()).isEqualTo(303);
    }
}
