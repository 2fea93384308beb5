package org.billinghost.jetpack.internal.module;

import static org.assertj.core.api.Assertions.assertThat;
import org.billinghost.api.billing.ServiceStatus;
import static org.billinghost.jetpack.internal.client.PartnerStub.form;
import static org.billinghost.jetpack.internal.client.PartnerStub.json;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.CommandResult.Failure;
import org.billinghost.api.module.FieldType;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.billinghost.jetpack.internal.client.PartnerStub;
import org.billinghost.jetpack.internal.client.TestClients;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.web.internal.BundleTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JetpackServerModuleTest {
    private static final String DETAILS = "jetpack_provisioning_details";

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final PartnerStub stub = new PartnerStub();
    private final RecordingServices services = new RecordingServices();
    private MockWebServer server;
    private PartnerApi api;
    private TestDatabase database;
    private ProvisioningRecords records;
    private JetpackServerModule module;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
        api = TestClients.partnerApi(server, null);
        database = TestDatabases.create(Dialect.H2);
        ModuleTables.create(database.database());
        records = new ProvisioningRecords(database.database(), Clock.fixed(T0, ZoneOffset.UTC));
        module = new JetpackServerModule(api, new BundleTemplates(JetpackServerModule.class.getClassLoader(),
                "jetpack-server-bundle"), records, services);
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) api).close();
        server.close();
        database.close();
    }

    private static final String CONNECTED = "{\"plan\":\"premium\",\"is_connected\":true}";

    private static FakeCommandParams cancellingOnSuspension(long serviceId) {
        FakeCommandParams params = new FakeCommandParams(serviceId);
        params.configOptions.add(JetpackServerModule.CANCEL_ON_SUSPENSION);
        return params;
    }

    private List<String> cancelledSites() {
        return stub.requests("partner-cancel").stream().map(r -> r.getUrl().pathSegments().get(4)).toList();
    }

    private static void assertError(CommandResult result, Failure kind, String... contained) {
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).as(result.message()).isEqualTo(kind);
        assertThat(result.message()).startsWith("JETPACK MODULE: ").contains(contained);
    }

    @Test
    void describesItself() {
        assertThat(module.metadata().displayName()).isEqualTo("Jetpack by Automattic");
        assertThat(module.metadata().requiresServer()).isFalse();
        assertThat(module.configOptions()).extracting(o -> o.label() + ":" + o.type())
                .containsExactly("Partner Client ID:" + FieldType.TEXT, "Partner Client Secret:" + FieldType.PASSWORD,
                        "On suspension:" + FieldType.DROPDOWN);
        assertThat(module.supportedCommands()).containsExactlyInAnyOrder(ModuleCommand.values());
        assertThat(module.adminCustomButtons()).containsEntry("Check Status", "checkStatus")
                .containsEntry("Move to another site", "moveSite");
    }

    @Test
    void createSavesTheActivationUrlOnThisServiceOnly() {
        List<FakeCommandParams.Save> saves = new ArrayList<>();
        FakeCommandParams first = new FakeCommandParams(41, saves);
        FakeCommandParams second = new FakeCommandParams(42, saves).with("Site URL", "other.example.org");
        stub.on("provision", json(200, "{\"success\":true,\"next_url\":\"https://jetpack.example/a\"}"),
                json(200, "{\"success\":true,\"next_url\":\"https://jetpack.example/b\"}"));

        assertThat(module.run(ModuleCommand.CREATE, first).succeeded()).isTrue();
        assertThat(module.run(ModuleCommand.CREATE, second).succeeded()).isTrue();

        assertThat(saves).containsExactly(
                new FakeCommandParams.Save(41, DETAILS, "URL to Activate Jetpack: https://jetpack.example/a"),
                new FakeCommandParams.Save(42, DETAILS, "URL to Activate Jetpack: https://jetpack.example/b"));
        assertThat(form(stub.requests("provision").get(0))).containsEntry("plan", "premium")
                .containsEntry("siteurl", "shop.example.com").containsEntry("local_user", "admin");
        assertThat(form(stub.requests("token").get(0))).containsEntry("client_id", "1001")
                .containsEntry("client_secret", "demo-partner-secret");
        assertThat(stub.count("token")).isEqualTo(1);
    }

    @Test
    void createForAnUnresolvedDomainSavesTheWaitingMessage() {
        FakeCommandParams params = new FakeCommandParams(5).with("Site URL", "brand-new.invalid");
        stub.on("provision", json(200, "{\"success\":true,\"next_url\":\"\"}"));

        assertThat(module.createAccount(params).succeeded()).isTrue();

        assertThat(params.saves).singleElement().satisfies(save -> assertThat(save.value())
                .contains("did not resolve", "waiting for brand-new.invalid", "Jetpack banner"));
    }

    @Test
    void createChecksTheProductSetUpBeforeCallingTheApi() {
        FakeCommandParams noField = new FakeCommandParams(1);
        noField.productFields.remove("Local User");
        assertError(module.createAccount(noField), Failure.PERMANENT, "no custom field 'Local User'");

        assertError(module.createAccount(new FakeCommandParams(1).with("Plan", "Gold")), Failure.PERMANENT,
                "'Gold'", "Free, Personal, Premium, Professional");

        FakeCommandParams noSecret = new FakeCommandParams(1);
        noSecret.configOptions.set(1, "   ");
        assertError(module.createAccount(noSecret), Failure.PERMANENT, "Partner Client Secret is missing");

        assertError(module.createAccount(new FakeCommandParams(1).with("Site URL", "")), Failure.PERMANENT, "Site URL");

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void createPassesTransientFailuresOnWithTheirDelay() {
        FakeCommandParams params = new FakeCommandParams(1);
        stub.on("provision", new MockResponse.Builder(json(503, "{}")).setHeader("Retry-After", "20").build());

        CommandResult result = module.createAccount(params);

        assertError(result, Failure.TRANSIENT, "try again later");
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(params.saves).isEmpty();
    }

    @Test
    void createReportsApiRefusalsAsPermanent() {
        FakeCommandParams params = new FakeCommandParams(1);
        stub.on("provision", json(400, "{\"error\":\"invalid_local_user\",\"message\":\"No such user.\"}"));

        assertError(module.createAccount(params), Failure.PERMANENT, "invalid_local_user: No such user.", "Local User");
        assertThat(params.saves).isEmpty();
    }

    @Test
    void createReportsDetailsThatCouldNotBeSaved() {
        FakeCommandParams params = new FakeCommandParams(1);
        params.saveFailure = new IllegalStateException("database is read-only");

        CommandResult result = module.createAccount(params);

        assertError(result, Failure.TRANSIENT, "was provisioned", "Run the command again");
        assertThat(result.message()).doesNotContain("read-only");
    }

    @Test
    void terminateCancelsBySiteIdentifier() {
        FakeCommandParams params = new FakeCommandParams(1).with("Site URL", "http://example.com/demo/wp/");

        assertThat(module.terminateAccount(params).succeeded()).isTrue();

        assertThat(stub.requests("partner-cancel").get(0).getUrl().encodedPath())
                .isEqualTo("/wpcom/rest/v1.3/jpphp/example.com::demo::wp/partner-cancel");
    }

    @Test
    void terminateOfACancelledPlanSaysSo() {
        stub.on("partner-cancel", json(200, "{\"success\":false}"));

        assertError(module.terminateAccount(new FakeCommandParams(1)), Failure.PERMANENT, "likely already been cancelled");
    }

    @Test
    void terminateWithAnUnknownSiteSaysTheUrlIsLikelyInvalid() {
        stub.on("partner-cancel", json(404, "{}"));

        assertError(module.terminateAccount(new FakeCommandParams(1)), Failure.PERMANENT, "likely invalid");
    }

    @Test
    void terminateDuringAnOutageIsTransient() {
        stub.on("partner-cancel", json(502, "{}"));

        assertError(module.terminateAccount(new FakeCommandParams(1)), Failure.TRANSIENT, "try again later");
    }

    @Test
    void changePackageUpgradesToTheNewPlan() {
        FakeCommandParams params = new FakeCommandParams(1).with("Plan", "Professional");
        stub.on("status", json(200, "{\"plan\":\"premium\"}"));
        stub.on("provision", json(200, "{\"success\":true,\"next_url\":\"https://jetpack.example/up\"}"));

        assertThat(module.changePackage(params).succeeded()).isTrue();

        assertThat(form(stub.requests("provision").get(0))).containsEntry("plan", "professional");
        assertThat(params.saves).singleElement()
                .isEqualTo(new FakeCommandParams.Save(1, DETAILS, "URL to Activate Jetpack: https://jetpack.example/up"));
    }

    @Test
    void changePackageToALowerPlanIsRefusedWithoutProvisioning() {
        FakeCommandParams params = new FakeCommandParams(1).with("Plan", "Personal");
        stub.on("status", json(200, "{\"plan\":\"premium\"}"));

        assertError(module.changePackage(params), Failure.PERMANENT, "has the Premium plan", "downgrade",
                "plan_downgrade_disallowed");
        assertThat(stub.count("provision")).isZero();
        assertThat(params.saves).isEmpty();
    }

    @Test
    void changePackageShowsTheApisDowngradeRefusalWhenTheStatusIsUnknown() {
        FakeCommandParams params = new FakeCommandParams(1).with("Plan", "Free");
        stub.on("status", json(403, "{\"error\":\"invalid_blog\",\"message\":\"Not connected.\"}"));
        stub.on("provision", json(400, "{\"error\":\"plan_downgrade_disallowed\",\"message\":\"Downgrades are not allowed.\"}"));

        assertError(module.changePackage(params), Failure.PERMANENT, "Downgrades are not allowed.", "downgrades are refused");
    }

    @Test
    void testConnectionChecksTheCredentials() {
        CommandResult ok = module.testConnection(new FakeCommandParams(1));
        stub.on("token", json(400, "{\"error\":\"invalid_client\",\"error_description\":\"Bad secret.\"}"));
        CommandResult bad = module.testConnection(new FakeCommandParams(1));

        assertThat(ok.succeeded()).isTrue();
        assertThat(ok.message()).startsWith("JETPACK MODULE: ");
        assertError(bad, Failure.PERMANENT, "Bad secret.");
    }

    @Test
    void checkStatusShowsTheSitesPlan() {
        stub.on("status", json(200, "{\"plan\":\"personal\",\"is_partner_plan\":true,\"is_provisioned_by_calling_partner\":true,"
                + "\"is_connected\":true,\"has_pending_plan\":false}"));

        CommandResult result = module.custom("checkStatus", new FakeCommandParams(1));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.message()).startsWith("JETPACK MODULE: ").contains("shop.example.com", "plan Personal",
                "provisioned by this partner: yes", "connected: yes");
        assertThat(stub.requests("status").get(0).getUrl().encodedPath()).endsWith("/shop.example.com/status");
    }

    @Test
    void unknownCustomFunctionIsAnError() {
        assertError(module.custom("reboot", new FakeCommandParams(1)), Failure.PERMANENT, "'reboot'");
    }

    @Test
    void adminTabShowsPlanSiteAndDetails() {
        FakeCommandParams params = new FakeCommandParams(1).with(DETAILS, "URL to Activate Jetpack: https://x");

        assertThat(module.adminServicesTabFields(params)).containsEntry("Jetpack Plan", "Premium")
                .containsEntry("Jetpack Site", "shop.example.com")
                .containsEntry("Provisioning details", "URL to Activate Jetpack: https://x");
    }

    @Test
    void clientAreaLinksTheActivationUrlEscaped() {
        FakeCommandParams params = new FakeCommandParams(1)
                .with(DETAILS, "URL to Activate Jetpack: https://jetpack.example/c?a=1&b=\"<x>\"");

        String html = module.clientArea(params).orElseThrow();

        assertThat(html).contains("href=\"https://jetpack.example/c?a=1&amp;b=&quot;&lt;x&gt;&quot;\"")
                .doesNotContain("<x>");
    }

    @Test
    void clientAreaShowsTheWaitingMessageAsText() {
        FakeCommandParams params = new FakeCommandParams(1).with(DETAILS, "The domain <b>x</b> did not resolve");

        assertThat(module.clientArea(params).orElseThrow()).contains("The domain &lt;b&gt;x&lt;/b&gt; did not resolve")
                .doesNotContain("href");
    }

    @ParameterizedTest
    @EnumSource(value = ServiceStatus.class, names = {"TERMINATED", "CANCELLED"})
    void clientAreaSaysThePlanWasCancelledInsteadOfTheOldActivationLink(ServiceStatus status) {
        FakeCommandParams params = new FakeCommandParams(1)
                .with(DETAILS, "URL to Activate Jetpack: https://jetpack.example/c?a=1");
        params.status = status;

        assertThat(module.clientArea(params).orElseThrow()).contains("plan was cancelled").contains(status.label())
                .doesNotContain("href").doesNotContain("jetpack.example");
    }

    @Test
    void clientAreaDoesNotLinkOtherSchemes() {
        FakeCommandParams params = new FakeCommandParams(1).with(DETAILS, "URL to Activate Jetpack: javascript:alert(1)");

        assertThat(module.clientArea(params).orElseThrow()).doesNotContain("href");
    }

    @Test
    void theWelcomeEmailGetsTheActivationLinkOrTheWaitingMessage() {
        FakeCommandParams linked = new FakeCommandParams(1).with(DETAILS, "URL to Activate Jetpack: https://jetpack.example/c?a=1");
        FakeCommandParams waiting = new FakeCommandParams(2).with(DETAILS, "The domain x.invalid did not resolve yet");
        FakeCommandParams otherScheme = new FakeCommandParams(3).with(DETAILS, "URL to Activate Jetpack: javascript:alert(1)");

        assertThat(module.welcomeVariables(linked)).isEqualTo(java.util.Map.of("activationUrl",
                "https://jetpack.example/c?a=1", "waitingMessage", ""));
        assertThat(module.welcomeVariables(waiting)).isEqualTo(java.util.Map.of("activationUrl", "",
                "waitingMessage", "The domain x.invalid did not resolve yet"));
        assertThat(module.welcomeVariables(otherScheme).get("activationUrl")).isEmpty();
    }

    @Test
    void createRecordsTheSiteSentAndShowsItAsTheServicesDomain() {
        assertThat(module.createAccount(new FakeCommandParams(8)).succeeded()).isTrue();

        assertThat(records.find(8)).contains(new ProvisioningRecord(8, "shop.example.com", 0, "premium",
                ProvisioningRecord.State.PROVISIONED, T0, null, ""));
        assertThat(services.updates).singleElement().isEqualTo(new RecordingServices.Update(8,
                new ServiceUpdate("shop.example.com", null, null, null)));
    }

    @Test
    void theBlogIdAStatusCallGivesIsRecordedAndShown() {
        FakeCommandParams params = new FakeCommandParams(8);
        module.createAccount(params);
        stub.on("status", json(200, "{\"plan\":\"premium\",\"blog_id\":200000001}"));

        module.custom("checkStatus", params);

        assertThat(records.find(8).orElseThrow().blogId()).isEqualTo(200_000_001L);
        assertThat(module.adminServicesTabFields(params)).containsEntry("Jetpack Site", "shop.example.com (blog id 200000001)");
    }

    @Test
    void aFailedCreateKeepsTheErrorInTheRecord() {
        stub.on("provision", json(400, "{\"error_code\":\"invalid_local_user\",\"error_message\":\"No such user.\"}"));

        module.createAccount(new FakeCommandParams(8));

        ProvisioningRecord record = records.find(8).orElseThrow();
        assertThat(record.state()).isEqualTo(ProvisioningRecord.State.FAILED);
        assertThat(record.lastError()).contains("invalid_local_user: No such user.");
    }

    @Test
    void terminateCancelsTheRecordedSiteNotTheEditedField() {
        FakeCommandParams params = new FakeCommandParams(8);
        module.createAccount(params);
        params.with("Site URL", "https://elsewhere.example.org/");

        assertThat(module.adminServicesTabFields(params)).containsEntry("Site URL changed", "The plan stays on"
                + " shop.example.com: the Site URL field now says elsewhere.example.org. Use Move to another site to"
                + " cancel the plan there and provision it here.");
        assertThat(module.terminateAccount(params).succeeded()).isTrue();

        assertThat(cancelledSites()).containsExactly("shop.example.com");
        assertThat(records.find(8).orElseThrow().state()).isEqualTo(ProvisioningRecord.State.CANCELLED);
    }

    @Test
    void terminateOfAPlanThisModuleCancelledAsksNothing() {
        FakeCommandParams params = cancellingOnSuspension(8);
        module.createAccount(params);
        module.suspendAccount(params);

        assertThat(module.terminateAccount(params).succeeded()).isTrue();

        assertThat(stub.count("partner-cancel")).isEqualTo(1);
    }

    @Test
    void moveToAnotherSiteCancelsThereAndProvisionsHere() {
        FakeCommandParams params = new FakeCommandParams(8);
        module.createAccount(params);
        params.with("Site URL", "elsewhere.example.org");

        assertThat(module.custom("moveSite", params).succeeded()).isTrue();

        assertThat(cancelledSites()).containsExactly("shop.example.com");
        assertThat(stub.requests("provision").stream().map(r -> form(r).get("siteurl")).toList())
                .containsExactly("shop.example.com", "elsewhere.example.org");
        assertThat(records.find(8).orElseThrow().site()).isEqualTo("elsewhere.example.org");
    }

    @Test
    void changePackageOnAConnectedSiteSendsNoForceRegister() {
        FakeCommandParams params = new FakeCommandParams(8).with("Plan", "Professional");
        stub.on("status", json(200, CONNECTED));

        assertThat(module.changePackage(params).succeeded()).isTrue();

        assertThat(form(stub.requests("provision").get(0))).containsEntry("plan", "professional")
                .doesNotContainKey("force_register");
    }

    @Test
    void changePackageOnASiteNotConnectedForcesTheRegistration() {
        FakeCommandParams params = new FakeCommandParams(8).with("Plan", "Professional");

        module.changePackage(params);

        assertThat(form(stub.requests("provision").get(0))).containsEntry("force_register", "true");
    }

    @Test
    void aRefusedDowngradeLeavesRecordAndDetailsAsTheyWere() {
        FakeCommandParams params = new FakeCommandParams(8);
        module.createAccount(params);
        ProvisioningRecord before = records.find(8).orElseThrow();
        params.with("Plan", "Free");
        stub.on("status", json(200, CONNECTED));

        assertError(module.changePackage(params), Failure.PERMANENT, "Nothing was changed");

        assertThat(records.find(8)).contains(before);
        assertThat(params.saves).hasSize(1);
    }

    @Test
    void keepOnSuspensionLeavesThePlanAlone() {
        FakeCommandParams params = new FakeCommandParams(8);
        module.createAccount(params);

        assertThat(module.suspendAccount(params).succeeded()).isTrue();
        assertThat(module.unsuspendAccount(params).succeeded()).isTrue();

        assertThat(stub.count("partner-cancel") + stub.count("provision")).isEqualTo(1);
    }

    @Test
    void cancelOnSuspensionCancelsAndProvisionsAgainOnUnsuspension() {
        FakeCommandParams params = cancellingOnSuspension(8);
        module.createAccount(params);

        assertThat(module.suspendAccount(params).succeeded()).isTrue();
        params.status = ServiceStatus.SUSPENDED;
        String suspended = module.clientArea(params).orElseThrow();
        stub.on("status", json(200, CONNECTED));
        stub.on("provision", json(200, "{\"success\":true,\"auth_required\":false}"));
        assertThat(module.unsuspendAccount(params).succeeded()).isTrue();
        params.status = ServiceStatus.ACTIVE;

        assertThat(cancelledSites()).containsExactly("shop.example.com");
        assertThat(suspended).contains("Jetpack for shop.example.com", "cancelled on 2026-03-01",
                "provisioned again when the service is unsuspended").doesNotContain("href");
        assertThat(form(stub.requests("provision").get(1))).doesNotContainKey("force_register");
        assertThat(module.clientArea(params).orElseThrow()).contains("already connected to Jetpack");
    }

    @Test
    void theClientAreaAndAdminTabSayWhenThePlanWasCancelled() {
        FakeCommandParams params = new FakeCommandParams(8);
        module.createAccount(params);
        module.terminateAccount(params);
        params.status = ServiceStatus.FRAUD;

        assertThat(module.clientArea(params).orElseThrow()).contains("cancelled on 2026-03-01").doesNotContain("href");
        assertThat(module.adminServicesTabFields(params)).containsEntry("Provisioning", "cancelled on 2026-03-01");
    }
}
