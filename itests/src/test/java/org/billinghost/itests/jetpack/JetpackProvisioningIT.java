package org.billinghost.itests.jetpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.billinghost.itests.support.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;
import org.billinghost.testsupport.SandboxClient;
import org.billinghost.testsupport.ServiceWatch;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue 4 end to end on the real launcher in demo mode (the bundled Partner API sandbox): customers
 * order Jetpack products whose auto-setup runs at ordering; the server module provisions the plan with
 * the sandbox and writes each service's own provisioning details; termination cancels the plan.
 */
public class JetpackProvisioningIT {
    private static final String DETAILS = "jetpack_provisioning_details";
    private static final Duration ACTIVE = Duration.ofSeconds(30);
    private static final AtomicInteger SITES = new AtomicInteger();

    @ClassRule
    public static final TemporaryFolder TMP = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    private static HostProcess host;
    private static ApiClient api;
    private static SandboxClient sandbox;
    private static JetpackCatalog catalog;
    private static AdminSession admin;

    @BeforeClass
    public static void startDemoHostWithJetpackProducts() throws Exception {
        host = HostProcess.options(TMP.newFolder("data").toPath()).demo()
                // quick retries, so that the transient-failure test does not wait long
                .config("org.billinghost.core.jobs", Map.of("backoffBaseMillis", "200", "backoffMaxMillis", "1000"))
                .start();
        api = ApiClient.demo(host);
        sandbox = SandboxClient.of(host);
        admin = AdminSession.login(host, "admin", "admin");
        await(Duration.ofSeconds(20), "the Jetpack server module is registered", () -> {
            try {
                return api.call("GetModuleConfigurationParameters", Map.of("moduleType", "server", "moduleName", "jetpack"))
                        .path("available").asBoolean(true);
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        allowAdminsOnTheAddonPage(admin);
        catalog = JetpackCatalog.install(host, api, admin, "1001", "demo-partner-secret", "order");
    }

    /** The addon's page (where its Create button is) is open only to the roles ticked in its access control. */
    private static void allowAdminsOnTheAddonPage(AdminSession admin) {
        admin.get("admin/configaddonmods");
        assertThat(admin.post("admin/configaddonmods", Map.of("action", "activate", "module", "jetpack")).statusCode())
                .isEqualTo(303);
        admin.get("admin/configaddonmods?action=configure&module=jetpack");
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("action", "save");
        form.put("module", "jetpack");
        form.put("f_partner_client_id", "1001");
        form.put("f_partner_client_secret", "demo-partner-secret");
        form.put("roles", "Full Administrator");
        assertThat(admin.post("admin/configaddonmods", form).statusCode()).isEqualTo(303);
    }

    @AfterClass
    public static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    public void anOrderWithAutoSetupGetsTheActivationLink() {
        String site = uniqueSite("shop", "example.com");
        long serviceId = order(newClient(), "Premium", "https://" + site + "/");

        awaitActive(serviceId);

        assertThat(api.customField(serviceId, DETAILS)).startsWith("URL to Activate Jetpack: https://")
                .contains("site=" + site);
        JsonNode provisioned = sandboxSite(site);
        assertThat(provisioned.path("plan").asText()).isEqualTo("premium");
        assertThat(provisioned.path("state").asText()).isEqualTo("provisioned");
        assertThat(provisioned.path("partner_id").asText()).isEqualTo("1001");
        assertThat(provisioned.path("local_user").asText()).isEqualTo("admin");
        assertThat(provisioned.path("provision_count").asLong()).isEqualTo(1);
    }

    @Test
    public void aSiteWhoseDomainDoesNotResolveGetsTheWaitingMessage() {
        String site = uniqueSite("brand-new", "invalid");
        long serviceId = order(newClient(), "Personal", site);

        awaitActive(serviceId);

        assertThat(api.customField(serviceId, DETAILS)).contains("did not resolve", "waiting for " + site, "Jetpack banner")
                .doesNotContain("URL to Activate Jetpack");
        assertThat(sandboxSite(site).path("state").asText()).isEqualTo("provisioned");
    }

    @Test
    public void twoCustomersKeepTheirOwnDetails() {
        String firstSite = uniqueSite("first", "example.org");
        String secondSite = uniqueSite("second", "example.org");
        long first = order(newClient(), "Free", firstSite);
        awaitActive(first);
        String firstDetails = api.customField(first, DETAILS);

        long second = order(newClient(), "Free", secondSite);
        awaitActive(second);

        assertThat(api.customField(first, DETAILS)).isEqualTo(firstDetails).contains("site=" + firstSite)
                .doesNotContain(secondSite);
        assertThat(api.customField(second, DETAILS)).contains("site=" + secondSite).doesNotContain(firstSite);
    }

    @Test
    public void terminateCancelsThePlanOfASiteInASubdirectory() {
        String site = uniqueSite("blog", "example.net") + "/wp";
        long serviceId = order(newClient(), "Professional", "http://" + site);
        awaitActive(serviceId);

        api.call("ModuleTerminate", Map.of("serviceid", serviceId));

        assertThat(api.serviceStatus(serviceId)).isEqualTo("Terminated");
        JsonNode cancelled = sandboxSite(site);
        assertThat(cancelled.path("site").asText()).isEqualTo(site.replace("/", "::"));
        assertThat(cancelled.path("state").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("cancel_count").asLong()).isEqualTo(1);
    }

    @Test
    public void changePackageUpgradesAndRefusesADowngrade() {
        String site = uniqueSite("grow", "example.com");
        long serviceId = order(newClient(), "Personal", site);
        awaitActive(serviceId);

        api.call("UpdateClientProduct", Map.of("serviceid", serviceId, "pid", catalog.productId("Premium")));
        api.call("ModuleChangePackage", Map.of("serviceid", serviceId));

        assertThat(sandboxSite(site).path("plan").asText()).isEqualTo("premium");
        assertThat(api.customField(serviceId, "Plan")).isEqualTo("premium");

        api.call("UpdateClientProduct", Map.of("serviceid", serviceId, "pid", catalog.productId("Free")));
        assertThatThrownBy(() -> api.call("ModuleChangePackage", Map.of("serviceid", serviceId)))
                .hasMessageStartingWith("JETPACK MODULE: ").hasMessageContaining("downgrade");
        assertThat(sandboxSite(site).path("plan").asText()).isEqualTo("premium");
    }

    @Test
    public void terminateAfterTheSiteUrlWasEditedCancelsTheRecordedSite() {
        String site = uniqueSite("recorded", "example.com");
        long serviceId = order(newClient(), "Premium", "https://" + site + "/");
        awaitActive(serviceId);
        assertThat(api.service(serviceId).path("domain").asText()).isEqualTo(site);

        String edited = uniqueSite("edited", "example.com");
        api.call("UpdateClientProduct", Map.of("serviceid", serviceId, "customfields", "{\"Site URL\":\"" + edited + "\"}"));
        api.call("ModuleTerminate", Map.of("serviceid", serviceId));

        JsonNode cancelled = sandboxSite(site);
        assertThat(cancelled.path("state").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("cancel_count").asLong()).isEqualTo(1);
        assertThat(sandbox.sites().path("sites")).noneSatisfy(known ->
                assertThat(known.path("siteurl").asText()).isEqualTo(edited));
    }

    @Test
    public void changePackageOnAConnectedSiteSendsNoForceRegister() {
        String site = uniqueSite("connected", "example.com");
        long serviceId = order(newClient(), "Personal", site);
        awaitActive(serviceId);
        postToSandbox("sites/" + site + "/connect");

        api.call("UpdateClientProduct", Map.of("serviceid", serviceId, "pid", catalog.productId("Premium")));
        api.call("ModuleChangePackage", Map.of("serviceid", serviceId));

        JsonNode upgraded = sandboxSite(site);
        assertThat(upgraded.path("plan").asText()).isEqualTo("premium");
        assertThat(upgraded.path("provision_count").asLong()).isEqualTo(2);
        assertThat(upgraded.path("force_register_count").asLong()).isEqualTo(1);
        assertThat(api.customField(serviceId, DETAILS)).contains("active on " + site, "already connected");
    }

    @Test
    public void keepOnSuspensionLeavesThePlanThroughSuspendAndUnsuspend() {
        String site = uniqueSite("kept", "example.com");
        long serviceId = order(newClient(), "Free", site);
        awaitActive(serviceId);

        api.call("ModuleSuspend", Map.of("serviceid", serviceId));
        assertThat(sandboxSite(site).path("state").asText()).isEqualTo("provisioned");
        api.call("ModuleUnsuspend", Map.of("serviceid", serviceId));

        JsonNode kept = sandboxSite(site);
        assertThat(List.of(kept.path("state").asText(), kept.path("provision_count").asText(),
                kept.path("cancel_count").asText())).containsExactly("provisioned", "1", "0");
        assertThat(api.serviceStatus(serviceId)).isEqualTo("Active");
    }

    @Test
    public void cancelOnSuspensionCancelsAndProvisionsAgain() throws Exception {
        catalog.saveProduct(admin, "Professional", JetpackCatalog.DEMO_PARTNER_ID, "", "order",
                "Cancel the plan, provision it again on unsuspension");
        try {
            String email = "jetpack-suspended-" + System.nanoTime() + "@example.com";
            long clientId = api.addClient("Suspended", "Client", email);
            String site = uniqueSite("suspended", "example.com");
            long serviceId = order(clientId, "Professional", site);
            awaitActive(serviceId);

            api.call("ModuleSuspend", Map.of("serviceid", serviceId));
            assertThat(sandboxSite(site).path("state").asText()).isEqualTo("cancelled");
            assertThat(clientAreaServicesPage(email, ApiClient.passwordOf(email))).contains("Jetpack for " + site,
                    "This Jetpack plan was cancelled on ", "provisioned again when the service is unsuspended");
            api.call("ModuleUnsuspend", Map.of("serviceid", serviceId));

            JsonNode again = sandboxSite(site);
            assertThat(List.of(again.path("state").asText(), again.path("provision_count").asText(),
                    again.path("cancel_count").asText())).containsExactly("provisioned", "2", "1");
            assertThat(clientAreaServicesPage(email, ApiClient.passwordOf(email))).contains("activate Jetpack");
        } finally {
            catalog.saveProduct(admin, "Professional", JetpackCatalog.DEMO_PARTNER_ID, "", "order");
        }
    }

    @Test
    public void theCustomerSeesTheActivationLinkInTheClientArea() throws Exception {
        String email = "jetpack-client-" + System.nanoTime() + "@example.com";
        long clientId = api.addClient("Client", "Area", email);
        String site = uniqueSite("panel", "example.com");
        long serviceId = order(clientId, "Premium", site);
        awaitActive(serviceId);
        String link = api.customField(serviceId, DETAILS).substring("URL to Activate Jetpack: ".length());

        String page = clientAreaServicesPage(email, ApiClient.passwordOf(email));

        assertThat(page).contains("<a href=\"" + link.replace("&", "&amp;") + "\"").contains("activate Jetpack")
                .contains("Jetpack for " + site);
    }

    @Test
    public void theModuleLogRecordsCallsWithoutSecretOrToken() {
        admin.get("admin/systemmodulelog");
        admin.post("admin/systemmodulelog", Map.of("logging", "on"));
        try {
            // makes the host's cached token invalid, so the log also shows a token request and its answer
            postToSandbox("tokens/revoke");
            long serviceId = order(newClient(), "Free", uniqueSite("logged", "example.com"));
            awaitActive(serviceId);

            String log = admin.get("admin/systemmodulelog?search=jetpack").body();

            assertThat(log).contains("<td>token</td>", "<td>provision</td>", "client_secret=*", "access_token&quot;:&quot;*")
                    .doesNotContain("demo-partner-secret");
            assertThat(log).doesNotContainPattern("Bearer [A-Za-z0-9_-]{20,}")
                    .doesNotContainPattern("access_token&quot;:&quot;[A-Za-z0-9_-]");
        } finally {
            admin.post("admin/systemmodulelog", Map.of("logging", "off"));
        }
    }

    @Test
    public void anAutomaticProvisioningRefusalIsLoggedOnceWithThePrefix() {
        sandbox.faults(Map.of("endpoint", "provision", "count", 1, "status", 403, "error", "invalid_scope",
                "message", "This partner may not provision sites."));
        long serviceId = order(newClient(), "Premium", uniqueSite("refused", "example.com"));
        String failure = "Module Create Failed - Service ID: " + serviceId + " - JETPACK MODULE: ";

        await(ACTIVE, "the refusal in the activity log", () -> !activity(failure).isEmpty());

        assertThat(activity(failure)).singleElement().asString()
                .contains("invalid_scope: This partner may not provision sites.");
        assertThat(activity("Service ID: " + serviceId + " - JETPACK MODULE: ")).hasSize(1);
        assertThat(api.serviceStatus(serviceId)).isEqualTo("Pending");
        assertThat(api.customField(serviceId, DETAILS)).isEmpty();
    }

    @Test
    public void aProvisioningOutageIsRetriedUntilTheServiceIsActive() {
        sandbox.faults(Map.of("endpoint", "provision", "count", 2, "status", 503));
        long serviceId = order(newClient(), "Personal", uniqueSite("outage", "example.com"));

        awaitActive(serviceId);

        assertThat(activity("Module Create Failed - Service ID: " + serviceId + " - JETPACK MODULE: "))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("HTTP 503", "try again later"));
        assertThat(api.customField(serviceId, DETAILS)).startsWith("URL to Activate Jetpack: ");
    }

    @Test
    public void aTokenRefusedWithHttp400IsRenewedAndTheCallRetried() {
        long tokensBefore = sandbox.stats().path("token_requests").asLong();
        sandbox.faults(Map.of("endpoint", "provision", "count", 1, "status", 400, "error", "invalid_token",
                "message", "The OAuth2 token is invalid."));
        long serviceId = order(newClient(), "Free", uniqueSite("renewed", "example.com"));

        awaitActive(serviceId);

        assertThat(sandbox.stats().path("token_requests").asLong()).isEqualTo(tokensBefore + 1);
        assertThat(activity("Service ID: " + serviceId + " - JETPACK MODULE: ")).isEmpty();
    }

    @Test
    public void aSuccessFalseAnswerIsAnErrorNamingItsCode() {
        sandbox.faults(Map.of("endpoint", "provision", "count", 1, "status", 200, "content_type", "application/json",
                "body", "{\"success\":false,\"error_code\":\"invalid_local_user\",\"error_message\":\"No such user.\"}"));
        long serviceId = order(newClient(), "Free", uniqueSite("unsuccessful", "example.com"));
        String failure = "Module Create Failed - Service ID: " + serviceId + " - JETPACK MODULE: ";

        await(ACTIVE, "the failure in the activity log", () -> !activity(failure).isEmpty());

        assertThat(activity(failure)).singleElement().asString().contains("invalid_local_user: No such user.");
        assertThat(api.serviceStatus(serviceId)).isEqualTo("Pending");
    }

    @Test
    public void aLostAnswerIsRetriedAndTheSiteKeepsOnePlan() {
        sandbox.faults(Map.of("endpoint", "provision", "count", 1, "lost", true));
        String site = uniqueSite("lost", "example.com");
        long serviceId = order(newClient(), "Personal", site);

        awaitActive(serviceId);

        JsonNode provisioned = sandboxSite(site);
        assertThat(List.of(provisioned.path("plan").asText(), provisioned.path("provision_count").asText()))
                .containsExactly("personal", "2");
        assertThat(api.customField(serviceId, DETAILS)).startsWith("URL to Activate Jetpack: ");
    }

    @Test
    public void fiftyProvisionsAskForOneToken() {
        // forgets the sandbox's tokens and counts: the host's cached token is refused once and renewed
        sandbox.reset();
        long clientId = newClient();
        List<Long> services = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String site = uniqueSite("load", "example.com");
            sites.add(site);
            services.add(order(clientId, "Personal", site));
        }

        Map<Long, Long> active = new ServiceWatch(api).await(services, "Active", Duration.ofSeconds(120), Duration.ofMillis(250));

        assertThat(active).as("services Active").hasSize(50);
        assertThat(sandbox.stats().path("token_requests").asLong()).isEqualTo(1);
        for (String site : sites) {
            assertThat(sandboxSite(site).path("provision_count").asLong()).as(site).isEqualTo(1);
        }
    }

    private static String uniqueSite(String name, String domain) {
        return name + "-" + SITES.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "." + domain;
    }

    private static long newClient() {
        int n = SITES.incrementAndGet();
        return api.addClient("Jet", "Pack" + n, "jetpack-it-" + n + "-" + System.nanoTime() + "@example.com");
    }

    private static long order(long clientId, String plan, String siteUrl) {
        JsonNode order = api.addOrder(clientId, catalog.productId(plan), Map.of("Site URL", siteUrl, "Local User", "admin"));
        return Long.parseLong(order.path("serviceids").asText());
    }

    private static void awaitActive(long serviceId) {
        await(ACTIVE, "service " + serviceId + " Active", () -> "Active".equals(api.serviceStatus(serviceId)));
    }

    /** The sandbox's record of a site, by site URL without scheme. */
    private static JsonNode sandboxSite(String siteUrl) {
        for (JsonNode site : sandbox.sites().path("sites")) {
            if (site.path("siteurl").asText().equals(siteUrl)) {
                return site;
            }
        }
        throw new AssertionError("the sandbox has no site " + siteUrl + ": " + sandbox.sites());
    }

    /** Activity-log lines containing {@code text}. */
    private static List<String> activity(String text) {
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : api.call("GetActivityLog", Map.of("description", text, "limitnum", 100))
                .path("activity").path("entry")) {
            if (entry.path("description").asText().contains(text)) {
                lines.add(entry.path("description").asText());
            }
        }
        return lines;
    }

    /** Logs the client in through the login form (with its CSRF token) and answers the services page. */
    private static String clientAreaServicesPage(String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"token\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("client login").isEqualTo(303);
        return browser.send(HttpRequest.newBuilder(URI.create(host.baseUrl() + "clientarea/services")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void postToSandbox(String path) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(host.baseUrl() + "sandbox/wpcom/_sandbox/" + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("sandbox " + path).isEqualTo(200);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("sandbox " + path + " failed", e);
        }
    }
}
