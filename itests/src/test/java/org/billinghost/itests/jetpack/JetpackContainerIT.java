package org.billinghost.itests.jetpack;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.api.module.ServerModule;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.api.platform.ProductType;
import org.billinghost.itests.support.ContainerOptions;
import org.billinghost.itests.support.ContainerTestSupport;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Jetpack end-to-end path inside the Pax Exam container (the distribution's bundles, the two Jetpack bundles
 * and the sandbox): an order placed through the WHMCS API for a Jetpack product with auto-setup "order" is
 * provisioned by the server module against the sandbox and the service carries its activation link.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JetpackContainerIT extends ContainerTestSupport {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final String MODULE_FILTER = "(billing.module.name=jetpack)";

    @Override
    protected Option[] extraOptions() {
        return new Option[] {ContainerOptions.jetpackBundles(), ContainerOptions.sandboxBundle()};
    }

    @Before
    public void jetpackTalksToTheSandbox() {
        awaitHostReady(READY);
        configureAndAwait("jetpack.partner.api", Map.of("baseUrl", baseUrl() + "sandbox/wpcom"), "baseUrl",
                PARTNER_API_COMPONENTS, READY);
        waitForService(ServerModule.class, MODULE_FILTER, READY);
    }

    @Test
    public void everyBundleIncludingJetpackAndTheSandboxIsActive() {
        assertAllBundlesActive();
    }

    @Test
    public void anApiOrderIsProvisionedThroughTheSandbox() {
        String serviceId = orderPersonalPlan("Katherine", "Johnson", "katherine@example.com", "container-it.example.com");

        String service = api("GetClientsProducts", Map.of("serviceid", serviceId)).body();
        assertTrue("activation link stored on the service: " + service, service.contains("URL to Activate Jetpack"));
        // the module's provisioning record (its own table, from the bundle's scripts) made the site the Domain
        assertTrue("the site is the service's domain: " + service, service.contains("\"domain\":\"container-it.example.com\""));
    }

    /** Orders the Personal plan for {@code site} through the WHMCS API and waits for the service to be Active. */
    private String orderPersonalPlan(String firstName, String lastName, String email, String site) {
        long productId = personalPlanProduct();
        String client = api("AddClient", Map.of("firstname", firstName, "lastname", lastName,
                "email", email, "address1", "1 Main Street", "city", "Hampton", "state", "VA",
                "postcode", "23666", "country", "US", "phonenumber", "5550100", "password2", "secret-kj")).body();
        long clientId = Long.parseLong(field(client, "clientid"));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Site URL", site);
        fields.put("Local User", "admin");
        HttpAnswer order = api("AddOrder", Map.of("clientid", Long.toString(clientId), "pid[0]", Long.toString(productId),
                "paymentmethod", "banktransfer", "customfields[0]", phpSerialisedBase64(fields)));
        assertEquals(order.body(), 200, order.status());
        String serviceId = field(order.body(), "serviceids");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String service = "";
        while (System.nanoTime() < deadline) {
            service = api("GetClientsProducts", Map.of("serviceid", serviceId)).body();
            if (service.contains("\"status\":\"Active\"")) {
                break;
            }
            sleep(200);
        }
        assertTrue("service " + serviceId + " not Active: " + service, service.contains("\"status\":\"Active\""));
        return serviceId;
    }

    /**
     * The nested status shape of newer API versions, end to end: with the sandbox answering status nested (and its
     * errors as error/message), a Change Package on a connected site sends no force_register — which the module
     * only knows from the nested {@code blog.is_connected}.
     */
    @Test
    public void changePackageReadsTheNestedStatusOfANewerApiVersion() {
        // a status call counted by the current sandbox; the reconfigured one starts from zero
        httpGet("sandbox/wpcom/rest/v1.3/jpphp/marker.example.com/status");
        configure("jetpack.partner.sandbox", Map.of("nestedStatus", true, "errorShape", "error"));
        configureAndAwait("jetpack.partner.api", Map.of("baseUrl", baseUrl() + "sandbox/wpcom", "statusApiVersion",
                "1.4"), "statusApiVersion", PARTNER_API_COMPONENTS, READY);
        awaitBody("sandbox/wpcom/_sandbox/stats", "\"status_requests\":0");
        String site = "nested-it.example.com";
        String serviceId = orderPersonalPlan("Grace", "Hopper", "grace@example.com", site);
        assertEquals(200, httpPostForm("sandbox/wpcom/_sandbox/sites/" + site + "/connect", Map.of()).status());

        HttpAnswer changed = api("ModuleChangePackage", Map.of("serviceid", serviceId));

        assertTrue(changed.body(), changed.body().contains("\"result\":\"success\""));
        String sandboxSite = httpGet("sandbox/wpcom/_sandbox/sites/" + site).body();
        assertTrue(sandboxSite, sandboxSite.contains("\"provision_count\":2"));
        assertTrue(sandboxSite, sandboxSite.contains("\"force_register_count\":1"));
    }

    private void awaitBody(String path, String expected) {
        long deadline = System.nanoTime() + READY.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = httpGet(path).body();
            if (body.contains(expected)) {
                return;
            }
            sleep(200);
        }
        fail(path + " never contained " + expected + ": " + body);
    }

    /** A Jetpack product as the addon's generator makes it, but set up as soon as it is ordered. */
    private long personalPlanProduct() {
        Catalog catalog = waitForService(Catalog.class, null, READY);
        Optional<Long> existing = catalog.productsOfModule("jetpack").stream()
                .filter(p -> p.name().equals("Jetpack - Personal Plan")).map(p -> p.id()).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        long groupId = catalog.groups().stream().filter(g -> g.name().equals("Jetpack")).mapToLong(ProductGroup::id)
                .findFirst().orElseGet(() -> catalog.createGroup("Jetpack", false).id());
        List<NewCustomField> customFields = List.of(
                NewCustomField.text("Site URL", "The WordPress site", true, true),
                NewCustomField.text("Local User", "Who connects Jetpack", true, true),
                NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "Plan sold", List.of("personal")),
                NewCustomField.adminOnly("jetpack_provisioning_details", CustomFieldType.TEXT, "Activation link", List.of()));
        return catalog.addProduct(new NewProduct(groupId, "Jetpack - Personal Plan", "", ProductType.OTHER, false,
                PayType.FREE, BigDecimal.ZERO, "jetpack", List.of("1001", "demo-partner-secret"), AutoSetup.ORDER,
                customFields)).id();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            fail("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** WHMCS's {@code base64_encode(serialize(array(...)))} for string keys and values. */
    private static String phpSerialisedBase64(Map<String, String> values) {
        StringBuilder php = new StringBuilder("a:").append(values.size()).append(":{");
        values.forEach((k, v) -> php.append(phpString(k)).append(phpString(v)));
        return Base64.getEncoder().encodeToString(php.append('}').toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String phpString(String s) {
        return "s:" + s.getBytes(StandardCharsets.UTF_8).length + ":\"" + s + "\";";
    }
}
