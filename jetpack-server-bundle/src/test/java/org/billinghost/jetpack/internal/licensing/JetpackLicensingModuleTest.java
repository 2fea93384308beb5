package org.billinghost.jetpack.internal.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.internal.client.LicensingStub.TOKEN;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.CommandResult.Failure;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.billinghost.jetpack.internal.client.LicensingStub;
import org.billinghost.jetpack.internal.client.TestClients;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.internal.module.FakeCommandParams;
import org.billinghost.jetpack.internal.module.ModuleTables;
import org.billinghost.jetpack.partner.LicensingApi;
import org.billinghost.web.internal.BundleTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JetpackLicensingModuleTest {
    private static final String BACKUP = "jetpack-backup-daily";
    private static final String COMPLETE = "jetpack-complete";
    private static final java.time.Duration LATE_ANSWERS = java.time.Duration.ofMinutes(2);

    private final LicensingStub stub = new LicensingStub();
    private MockWebServer server;
    private LicensingApi api;
    private TestDatabase database;
    private LicenseRecords records;
    private JetpackLicensingModule module;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
        api = TestClients.licensingApi(server, null);
        database = TestDatabases.create(Dialect.H2);
        ModuleTables.create(database.database());
        records = new LicenseRecords(database.database(), Clock.systemUTC());
        module = newModule();
    }

    /** A module as after a restart: nothing kept in memory. */
    private JetpackLicensingModule newModule() {
        return new JetpackLicensingModule(api, new BundleTemplates(JetpackLicensingModule.class.getClassLoader(),
                "jetpack-server-bundle"), records, LATE_ANSWERS);
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) api).close();
        server.close();
        database.close();
    }

    private static FakeCommandParams service(long id, String slug) {
        FakeCommandParams params = new FakeCommandParams(id);
        params.configOptions.clear();
        params.configOptions.addAll(List.of(TOKEN, slug, "on", JetpackLicensingModule.KEEP_ON_SUSPENSION));
        params.productFields.clear();
        params.productFields.add("Site URL");
        params.values.clear();
        params.values.put("Site URL", "https://shop" + id + ".example.com/");
        return params;
    }

    private List<LicenseRecord> rows(long serviceId) {
        return records.forService(serviceId);
    }

    private static void assertError(CommandResult result, Failure kind, String... contained) {
        assertThat(result.succeeded()).as(result.message()).isFalse();
        assertThat(result.failure()).as(result.message()).isEqualTo(kind);
        assertThat(result.message()).startsWith("JETPACK MODULE: ").contains(contained);
    }

    @Test
    void createIssuesOneLicenseAndAttachesItToTheSite() {
        FakeCommandParams params = service(1, BACKUP);

        assertThat(module.createAccount(params).succeeded()).isTrue();

        assertThat(stub.unrevoked()).hasSize(1);
        LicensingStub.Entry license = stub.unrevoked().get(0);
        assertThat(license.site).isEqualTo("https://shop1.example.com/");
        LicenseRecord row = rows(1).get(0);
        assertThat(row.state()).isEqualTo(State.ACTIVE);
        assertThat(row.key()).isEqualTo(license.key);
        assertThat(row.licenseId()).isEqualTo(Long.toString(license.id));
        assertThat(row.site()).isEqualTo("shop1.example.com");
        assertThat(module.clientArea(params).orElseThrow()).contains(license.key, "Attached to shop1.example.com");
    }

    @Test
    void createRunAgainIssuesNothingMore() {
        FakeCommandParams params = service(1, BACKUP);
        module.createAccount(params);

        assertThat(module.createAccount(params).succeeded()).isTrue();

        assertThat(stub.count("issue")).isEqualTo(1);
    }

    @Test
    void lostAnswerIsFoundAtTheApiInsteadOfIssuingAgain() {
        stub.loseIssues(1);

        CommandResult result = module.createAccount(service(1, BACKUP));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(stub.count("issue")).isEqualTo(1);
        assertThat(stub.unrevoked()).hasSize(1);
        assertThat(rows(1).get(0).key()).isEqualTo(stub.unrevoked().get(0).key);
    }

    @Test
    void timedOutIssueIsAdoptedToo() {
        stub.slowIssues(1);

        CommandResult result = module.createAccount(service(1, BACKUP));

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(stub.count("issue")).isEqualTo(1);
        assertThat(rows(1).get(0).key()).isEqualTo(stub.unrevoked().get(0).key);
    }

    @Test
    void lostAnswerWhileTheListFailsTooIsRetriedWithoutIssuingAgain() {
        stub.loseIssues(1).on("licenses", new MockResponse.Builder().code(503).body("{}").build());

        CommandResult first = module.createAccount(service(1, BACKUP));
        assertError(first, Failure.TRANSIENT, "looks for it at the API before issuing another");
        assertThat(rows(1).get(0).state()).isEqualTo(State.INTENT);

        CommandResult retry = newModule().createAccount(service(1, BACKUP));

        assertThat(retry.succeeded()).as(retry.message()).isTrue();
        assertThat(stub.count("issue")).isEqualTo(1);
        assertThat(stub.unrevoked()).hasSize(1);
        assertThat(rows(1)).singleElement().extracting(LicenseRecord::state).isEqualTo(State.ACTIVE);
    }

    @Test
    void crashBeforeTheInsertLeavesAnIntentThatTheRetryResolvesByAdoption() {
        // the host died after POST /license was answered and before the key was stored
        records.intend(1, BACKUP);
        LicensingStub.Entry issued = stub.issueDirectly(BACKUP, Instant.now());

        CommandResult retry = newModule().createAccount(service(1, BACKUP));

        assertThat(retry.succeeded()).as(retry.message()).isTrue();
        assertThat(stub.count("issue")).isZero();
        assertThat(rows(1)).singleElement().extracting(LicenseRecord::key).isEqualTo(issued.key);
    }

    @Test
    void anUnansweredIssueIsNotSentAgainWhileItsAnswerMayStillComeLate() {
        LicenseRecord intent = records.intend(1, BACKUP);
        records.issueSent(intent.id());

        CommandResult result = module.createAccount(service(1, BACKUP));

        assertError(result, Failure.TRANSIENT, "nothing is issued again before 120 seconds");
        assertThat(result.retryAfter()).isPositive().isLessThanOrEqualTo(LATE_ANSWERS);
        assertThat(stub.count("issue")).isZero();
        assertThat(stub.count("licenses")).isEqualTo(1);
    }

    @Test
    void anOldUnansweredIssueIsNotSentAgainWhileAnotherServicesCallOfTheProductMayStillAnswerLate() {
        // service 1's call is long past, but its license may have been adopted by service 2, whose own license is late
        LicenseRecords tenMinutesAgo = new LicenseRecords(database.database(),
                Clock.fixed(Instant.now().minus(java.time.Duration.ofMinutes(10)), java.time.ZoneOffset.UTC));
        tenMinutesAgo.issueSent(records.intend(1, BACKUP).id());
        records.issueSent(records.intend(2, BACKUP).id());

        CommandResult result = module.createAccount(service(1, BACKUP));

        assertError(result, Failure.TRANSIENT, "since the last issue call for this product");
        assertThat(stub.count("issue")).isZero();
    }

    @Test
    void ofTwoCandidatesTheOldestIsAdoptedAndTheOtherStaysAnOrphan() {
        records.intend(1, BACKUP);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        LicensingStub.Entry older = stub.issueDirectly(BACKUP, now.minusSeconds(30));
        LicensingStub.Entry newer = stub.issueDirectly(BACKUP, now);

        module.createAccount(service(1, BACKUP));

        assertThat(rows(1).get(0).key()).isEqualTo(older.key);
        assertThat(records.owned(List.of(newer.key))).isEmpty();
    }

    @Test
    void reconciliationSkipsOtherProductsOwnedLicensesAndLicensesIssuedBeforeTheIntent() {
        module.createAccount(service(2, BACKUP));
        stub.issueDirectly(COMPLETE, Instant.now());
        stub.issueDirectly(BACKUP, Instant.now().minus(LicenseIssuer.CLOCK_SKEW).minusSeconds(120));
        records.intend(1, BACKUP);

        module.createAccount(service(1, BACKUP));

        assertThat(stub.count("issue")).isEqualTo(2);
        assertThat(rows(1).get(0).key()).isNotEqualTo(rows(2).get(0).key());
        assertThat(stub.unrevoked()).hasSize(4);
    }

    @Test
    void refusedIssueIsPermanentAndIsNotRetried() {
        stub.on("issue", LicensingStub.error(400, "invalid_product", "The product is not valid."));

        CommandResult result = module.createAccount(service(1, BACKUP));

        assertError(result, Failure.PERMANENT, "invalid_product", "Product slug", "req-invalid_product");
        assertThat(stub.count("issue")).isEqualTo(1);
        assertThat(rows(1)).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(State.INTENT);
            assertThat(r.key()).isEmpty();
        });
    }

    @Test
    void slugTheCatalogueDoesNotHaveIsRefusedBeforeAnythingIsSent() {
        CommandResult result = module.createAccount(service(1, "jetpack-nonsense"));

        assertError(result, Failure.PERMANENT, "'jetpack-nonsense' is not in the Jetpack catalogue");
        assertThat(stub.count("issue")).isZero();
        assertThat(rows(1)).isEmpty();
    }

    @Test
    void emptyTokenIsRefusedBeforeAnythingIsSent() {
        FakeCommandParams params = service(1, BACKUP);
        params.configOptions.set(0, " ");

        assertError(module.createAccount(params), Failure.PERMANENT, "partner API token is missing");
        assertThat(stub.count("issue")).isZero();
        assertThat(rows(1)).isEmpty();
    }

    @Test
    void tokenTheApiRefusesIsAPermanentError() {
        FakeCommandParams params = service(1, BACKUP);
        params.configOptions.set(0, "wrong-token");

        assertError(module.createAccount(params), Failure.PERMANENT, "invalid_token", "Partner API token");
        assertThat(stub.unrevoked()).isEmpty();
    }

    @Test
    void refusedAttachKeepsTheLicenseAndTellsTheCustomerHowToAddIt() {
        stub.refuseAttach();
        FakeCommandParams params = service(1, BACKUP);

        assertThat(module.createAccount(params).succeeded()).isTrue();

        LicenseRecord row = rows(1).get(0);
        assertThat(row.state()).isEqualTo(State.ACTIVE);
        assertThat(row.attached()).isFalse();
        assertThat(row.attachNote()).contains("not_allowlisted");
        assertThat(module.clientArea(params).orElseThrow()).contains("Waiting to be added", "My Jetpack",
                "wp option update jetpack_licenses", row.key(), "could not add the key to shop1.example.com");
    }

    @Test
    void theWelcomeEmailGetsTheKeyAndHowToAddItFromTheRecords() {
        FakeCommandParams attached = service(1, BACKUP);
        FakeCommandParams refused = service(2, BACKUP);
        FakeCommandParams notYet = service(3, BACKUP);
        module.createAccount(attached);
        stub.refuseAttach();
        module.createAccount(refused);
        String key = rows(1).get(0).key();
        String refusedKey = rows(2).get(0).key();
        int calls = stub.count("issue") + stub.count("attach");

        assertThat(module.welcomeVariables(attached)).isEqualTo(java.util.Map.of("licenseKey", key,
                "licenseInstructions", "It is attached to shop1.example.com: Jetpack is active there, there is"
                        + " nothing more to do."));
        assertThat(module.welcomeVariables(refused)).isEqualTo(java.util.Map.of("licenseKey", refusedKey,
                "licenseInstructions", "We could not add the key to shop2.example.com for you: please add it yourself"
                        + " as shown below. Add it in your site's WordPress admin (My Jetpack > Add license, paste the"
                        + " key), or with WP-CLI on the site's server: wp option update jetpack_licenses '[\""
                        + refusedKey + "\"]' --format=json - or ask us to attach it to the site for you."));
        assertThat(module.welcomeVariables(notYet)).isEqualTo(java.util.Map.of("waitingMessage",
                JetpackLicensingModule.BEING_ISSUED));
        assertThat(stub.count("issue") + stub.count("attach")).as("no remote call").isEqualTo(calls);

        module.terminateAccount(attached);
        assertThat(module.welcomeVariables(attached)).isEmpty();
    }

    @Test
    void withoutSiteOrAttachingSwitchedOffTheLicenseWaitsForTheCustomer() {
        FakeCommandParams params = service(1, BACKUP);
        params.configOptions.set(2, "");

        module.createAccount(params);

        assertThat(stub.count("attach")).isZero();
        assertThat(rows(1).get(0).attached()).isFalse();
    }

    @Test
    void terminateRevokesAndARevokedAlreadyAnswerCountsAsDone() {
        FakeCommandParams params = service(1, BACKUP);
        module.createAccount(params);
        String key = rows(1).get(0).key();
        stub.on("revoke", LicensingStub.error(400, "license_already_revoked", "Already revoked."));

        assertThat(module.terminateAccount(params).succeeded()).isTrue();

        assertThat(rows(1).get(0).state()).isEqualTo(State.REVOKED);
        assertThat(stub.get(key).revokedAt).as("the scripted answer changed nothing at the stub").isNull();
        assertThat(module.terminateAccount(params).succeeded()).isTrue();
        assertThat(stub.count("revoke")).isEqualTo(1);
    }

    @Test
    void terminateRevokesAtTheApi() {
        FakeCommandParams params = service(1, BACKUP);
        module.createAccount(params);

        assertThat(module.terminateAccount(params).succeeded()).isTrue();

        assertThat(stub.unrevoked()).isEmpty();
        assertThat(module.clientArea(params).orElseThrow()).contains("was revoked");
    }

    @Test
    void terminateWithALostIssueAdoptsAndRevokesIt() {
        records.intend(1, BACKUP);
        stub.issueDirectly(BACKUP, Instant.now());

        assertThat(module.terminateAccount(service(1, BACKUP)).succeeded()).isTrue();

        assertThat(stub.unrevoked()).isEmpty();
        assertThat(rows(1).get(0).state()).isEqualTo(State.REVOKED);
    }

    @Test
    void terminateWithAnIntentTheApiNeverIssuedClosesIt() {
        records.intend(1, BACKUP);

        assertThat(module.terminateAccount(service(1, BACKUP)).succeeded()).isTrue();

        assertThat(rows(1).get(0).state()).isEqualTo(State.ABANDONED);
    }

    @Test
    void changePackageAttachesTheNewLicenseWhereTheOldOneWasThenRevokesTheOld() {
        module.createAccount(service(1, BACKUP));
        String oldKey = rows(1).get(0).key();
        FakeCommandParams upgraded = service(1, COMPLETE);
        upgraded.values.put("Site URL", "changed.example.com");

        CommandResult result = module.changePackage(upgraded);

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(stub.get(oldKey).revokedAt).isNotNull();
        assertThat(stub.unrevoked()).singleElement().satisfies(e -> {
            assertThat(e.slug).isEqualTo(COMPLETE);
            assertThat(e.site).isEqualTo("https://shop1.example.com/");
        });
        assertThat(rows(1)).extracting(LicenseRecord::state).containsExactly(State.REVOKED, State.ACTIVE);
    }

    @Test
    void changePackageKeepsTheOldLicenseUntilTheNewOneIsAttachedAndCarriesOnWhenRunAgain() {
        module.createAccount(service(1, BACKUP));
        String oldKey = rows(1).get(0).key();
        stub.on("attach", new MockResponse.Builder().code(503).body("{}").build());

        assertError(module.changePackage(service(1, COMPLETE)), Failure.TRANSIENT, "HTTP 503");
        assertThat(stub.get(oldKey).revokedAt).isNull();

        CommandResult retry = newModule().changePackage(service(1, COMPLETE));

        assertThat(retry.succeeded()).as(retry.message()).isTrue();
        assertThat(stub.count("issue")).isEqualTo(2);
        assertThat(stub.unrevoked()).singleElement().satisfies(e -> assertThat(e.slug).isEqualTo(COMPLETE));
    }

    @Test
    void suspensionDetachesAndUnsuspensionAttachesAgainWhenTheProductSaysSo() {
        FakeCommandParams params = service(1, BACKUP);
        params.configOptions.set(3, JetpackLicensingModule.DETACH_ON_SUSPENSION);
        module.createAccount(params);
        String key = rows(1).get(0).key();

        assertThat(module.suspendAccount(params).succeeded()).isTrue();
        assertThat(stub.get(key).attachedAt).isNull();
        assertThat(module.clientArea(params).orElseThrow()).contains(JetpackLicensingModule.SUSPENDED_NOTE);

        assertThat(module.unsuspendAccount(params).succeeded()).isTrue();
        assertThat(stub.get(key).site).isEqualTo("https://shop1.example.com/");
        assertThat(rows(1).get(0).attached()).isTrue();
    }

    @Test
    void suspensionKeepsTheLicenseByDefault() {
        FakeCommandParams params = service(1, BACKUP);
        module.createAccount(params);

        assertThat(module.suspendAccount(params).succeeded()).isTrue();

        assertThat(stub.count("detach")).isZero();
    }

    @Test
    void checkStatusShowsTheLicenseAsTheApiHasIt() {
        FakeCommandParams params = service(1, BACKUP);
        module.createAccount(params);

        CommandResult status = module.custom(JetpackLicensingModule.CHECK_STATUS, params);

        assertThat(status.message()).startsWith("JETPACK MODULE: License " + rows(1).get(0).key())
                .contains("attached to shop1.example.com since", "issued on");
    }

    @Test
    void productSlugIsADropdownOfTheCatalogue() {
        assertThat(module.configOptions().get(1).options()).containsExactly(BACKUP, "jetpack-scan", COMPLETE);
    }

    @Test
    void productSlugSaysWhyWhenTheCatalogueCannotBeLoaded() {
        stub.on("families", new MockResponse.Builder().code(500).body("{}").build());

        assertThat(module.configOptions().get(1).description()).contains("catalogue could not be loaded", "HTTP 500");
    }
}
