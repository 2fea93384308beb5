package org.billinghost.itests.jetpack;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.Services;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ServerModule;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.itests.support.ContainerOptions;
import org.billinghost.itests.support.ContainerTestSupport;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicenseReport;
import org.billinghost.jetpack.partner.LicensingApi;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Jetpack license keys end to end in demo mode, against the sandbox's Licensing API: the admin creates "Jetpack
 * Backup" and "Jetpack Complete" products from the live catalogue (the addon's Create license products), a customer
 * orders Backup for a site and gets a key attached to it, the service moves to Complete (new key attached, old one
 * revoked), the admin terminates it (revoked); an orphan made at the API shows on the reconciliation view and is
 * revoked from there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LicensingContainerIT extends ContainerTestSupport {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final String TOKEN = "demo-licensing-token";
    private static final String BACKUP = "jetpack-backup-daily";
    private static final String COMPLETE = "jetpack-complete";

    @Override
    protected Option[] extraOptions() {
        return new Option[] {ContainerOptions.jetpackBundles(), ContainerOptions.sandboxBundle()};
    }

    @Before
    public void licensingTalksToTheSandbox() {
        awaitHostReady(READY);
        configureAndAwait("jetpack.partner.api", Map.of("baseUrl", baseUrl() + "sandbox/wpcom"), "baseUrl",
                PARTNER_API_COMPONENTS, READY);
        waitForService(ServerModule.class, "(billing.module.name=jetpack_licensing)", READY);
    }

    @Test
    public void aLicenseFollowsItsServiceAndAnOrphanIsRevokedFromTheReconciliationView() {
        Catalog catalog = waitForService(Catalog.class, null, READY);
        AddonModule addon = waitForService(AddonModule.class, "(billing.module.name=jetpack)", READY);
        LicenseLedger ledger = waitForService(LicenseLedger.class, null, READY);
        long groupId = catalog.groups().stream().filter(g -> g.name().equals("Jetpack")).mapToLong(ProductGroup::id)
                .findFirst().orElseGet(() -> catalog.createGroup("Jetpack", false).id());

        String page = addon.adminOutput(addonPost(Map.of("action", List.of("create_license_products"),
                "slug", List.of(BACKUP, COMPLETE), "margin", List.of("30"),
                "product_group_id", List.of(Long.toString(groupId))))).html();
        assertTrue(page, page.contains("Created 2 license products"));
        long backup = product(catalog, BACKUP);
        long complete = product(catalog, COMPLETE);

        String serviceId = order(backup, "licensing-it.example.com");
        assertSuccess(api("ModuleCreate", Map.of("serviceid", serviceId)));
        String firstKey = onlyLine(ledger, Long.parseLong(serviceId)).key();
        String first = httpGet("sandbox/wpcom/_sandbox/licenses/" + firstKey).body();
        assertTrue(first, first.contains("\"state\":\"attached\"") && first.contains("licensing-it.example.com"));

        Services services = waitForService(Services.class, null, READY);
        services.update(Long.parseLong(serviceId), new ServiceUpdate(null, null, complete, null));
        assertSuccess(api("ModuleChangePackage", Map.of("serviceid", serviceId)));
        LicenseReport.Line upgraded = ledger.report(TOKEN).lines().stream()
                .filter(l -> l.serviceId() == Long.parseLong(serviceId) && l.state().equals("ACTIVE")).findFirst()
                .orElseThrow();
        assertEquals(COMPLETE, upgraded.productSlug());
        String second = httpGet("sandbox/wpcom/_sandbox/licenses/" + upgraded.key()).body();
        assertTrue(second, second.contains("\"state\":\"attached\"") && second.contains("licensing-it.example.com"));
        assertTrue(httpGet("sandbox/wpcom/_sandbox/licenses/" + firstKey).body().contains("\"state\":\"revoked\""));

        assertSuccess(api("ModuleTerminate", Map.of("serviceid", serviceId)));
        assertTrue(httpGet("sandbox/wpcom/_sandbox/licenses/" + upgraded.key()).body().contains("\"state\":\"revoked\""));

        License orphan = waitForService(LicensingApi.class, null, READY).issue(TOKEN, "jetpack-scan").license();
        String licenses = addon.adminOutput(addonGet("licenses")).html();
        assertTrue(licenses, licenses.contains(orphan.key()) && licenses.contains("Revoke"));
        String revoked = addon.adminOutput(addonPost(Map.of("action", List.of("revoke_license"),
                "license_key", List.of(orphan.key())))).html();
        assertTrue(revoked, revoked.contains("was revoked"));
        assertTrue(httpGet("sandbox/wpcom/_sandbox/licenses/" + orphan.key()).body().contains("\"state\":\"revoked\""));
        assertTrue(ledger.report(TOKEN).orphans().isEmpty());
    }

    private static LicenseReport.Line onlyLine(LicenseLedger ledger, long serviceId) {
        List<LicenseReport.Line> lines = ledger.report(TOKEN).lines().stream().filter(l -> l.serviceId() == serviceId).toList();
        assertEquals(lines.toString(), 1, lines.size());
        return lines.get(0);
    }

    private static long product(Catalog catalog, String slug) {
        return catalog.productsOfModule("jetpack_licensing").stream()
                .filter(p -> p.configOptions().size() > 1 && p.configOptions().get(1).equals(slug)).map(Product::id)
                .findFirst().orElseThrow(() -> new AssertionError("no product of " + slug));
    }

    private String order(long productId, String site) {
        String client = api("AddClient", Map.of("firstname", "Mary", "lastname", "Jackson", "email",
                "mary@example.com", "address1", "1 Main Street", "city", "Hampton", "state", "VA", "postcode", "23666",
                "country", "US", "phonenumber", "5550100", "password2", "secret-mj")).body();
        HttpAnswer order = api("AddOrder", Map.of("clientid", field(client, "clientid"), "pid[0]",
                Long.toString(productId), "paymentmethod", "banktransfer", "customfields[0]",
                Base64.getEncoder().encodeToString(("a:1:{s:8:\"Site URL\";s:" + site.length() + ":\"" + site + "\";}")
                        .getBytes(StandardCharsets.UTF_8))));
        assertEquals(order.body(), 200, order.status());
        return field(order.body(), "serviceids");
    }

    private static void assertSuccess(HttpAnswer answer) {
        assertTrue(answer.body(), answer.body().contains("\"result\":\"success\""));
        assertFalse(answer.body(), answer.body().contains("JETPACK MODULE"));
    }

    private AddonRequest addonGet(String action) {
        return new AddonRequest("/admin/addonmodules?module=jetpack", "", Map.of("licensing_token", TOKEN),
                Map.of("action", List.of(action)), "GET", new AdminIdentity(1, "admin", "Full Administrator"), "csrf-it");
    }

    private AddonRequest addonPost(Map<String, List<String>> parameters) {
        return new AddonRequest("/admin/addonmodules?module=jetpack", "", Map.of("licensing_token", TOKEN),
                new HashMap<>(parameters), "POST", new AdminIdentity(1, "admin", "Full Administrator"), "csrf-it");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            fail("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
