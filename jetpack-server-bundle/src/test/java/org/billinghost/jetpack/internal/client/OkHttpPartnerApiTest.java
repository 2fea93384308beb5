package org.billinghost.jetpack.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.internal.client.PartnerStub.form;
import static org.billinghost.jetpack.internal.client.PartnerStub.json;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;
import org.billinghost.jetpack.partner.SiteStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OkHttpPartnerApiTest {
    private static final PartnerCredentials CREDENTIALS = new PartnerCredentials("1001", "s3cret-partner");

    private final PartnerStub stub = new PartnerStub();
    private final RecordingModuleLog moduleLog = new RecordingModuleLog();
    private MockWebServer server;
    private PartnerApi api;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
        api = TestClients.partnerApi(server, moduleLog);
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) api).close();
        server.close();
    }

    private ProvisionResult provision() {
        return api.provision(CREDENTIALS, Plan.PREMIUM, "https://example.com/blog/", "admin");
    }

    private static void assertFailure(ApiOutcome outcome, boolean transientFailure, String... contained) {
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.transientFailure()).as("transient: %s", outcome.message()).isEqualTo(transientFailure);
        assertThat(outcome.message()).startsWith(PartnerApi.PREFIX).contains(contained);
    }

    @Test
    void everyCallIsTimedPerEndpointAndStatus() throws Exception {
        List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.billinghost.api.platform.Metrics metrics = new org.billinghost.api.platform.Metrics() {
            @Override
            public void count(String name, String... tags) {
                recorded.add("count " + name + " " + String.join(" ", tags));
            }

            @Override
            public void record(String name, Duration duration, String... tags) {
                recorded.add(name + " " + String.join(" ", tags));
            }
        };
        ((AutoCloseable) api).close();
        api = new OkHttpPartnerApi(ClientSettings.of(server.url("/wpcom/").toString(), 2_000,
                TestClients.READ_TIMEOUT_MILLIS, 10_000), () -> moduleLog, () -> metrics);
        stub.on("provision", json(503, "{\"error\":\"unavailable\"}"));

        provision();

        assertThat(recorded).containsExactly("jetpack.partner.calls endpoint token status 200",
                "jetpack.partner.calls endpoint provision status 503");
    }

    @Nested
    class Token {
        @Test
        void badCredentialsGiveTheApisDescriptionAndAreNotRetried() {
            stub.on("token", json(400, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client_id.\"}"));

            ProvisionResult result = provision();

            assertFailure(result.outcome(), false, "Unknown client_id.", "Partner Client ID or Partner Client Secret");
            assertThat(stub.count("provision")).isZero();
            assertThat(result.details()).isEmpty();
        }

        @Test
        void serverErrorIsTransient() {
            stub.on("token", json(503, "{\"error\":\"unavailable\"}"));

            assertFailure(provision().outcome(), true, "error communicating", "try again later");
            assertThat(stub.count("provision")).isZero();
        }

        @Test
        void failedTokenIsNotCachedSoTheNextCallAsksAgain() {
            stub.on("token", json(500, "oops"));

            assertThat(provision().outcome().ok()).isFalse();
            assertThat(provision().outcome().ok()).isTrue();
            assertThat(stub.count("token")).isEqualTo(2);
        }

        @Test
        void whiteSpaceAroundIdAndSecretIsTrimmed() {
            PartnerCredentials padded = new PartnerCredentials("  1001\t", "\n s3cret-partner  ");

            assertThat(api.provision(padded, Plan.FREE, "example.com", "admin").outcome().ok()).isTrue();

            assertThat(form(stub.requests("token").get(0)))
                    .containsEntry("client_id", "1001")
                    .containsEntry("client_secret", "s3cret-partner")
                    .containsEntry("grant_type", "client_credentials")
                    .containsEntry("scope", "jetpack-partner");
        }

        @Test
        void oneTokenServesManyCalls() {
            provision();
            api.cancel(CREDENTIALS, "example.com");
            api.status(CREDENTIALS, "example.com");
            provision();

            assertThat(stub.count("token")).isEqualTo(1);
            assertThat(stub.requests("provision")).allSatisfy(r ->
                    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer token-1"));
        }

        @Test
        void otherCredentialsGetTheirOwnToken() {
            provision();
            api.provision(new PartnerCredentials("1002", "other"), Plan.FREE, "example.org", "admin");
            api.provision(new PartnerCredentials("1001", "changed-secret"), Plan.FREE, "example.org", "admin");

            assertThat(stub.count("token")).isEqualTo(3);
        }

        @Test
        void refusedTokenIsRenewedOnceAndTheCallRetried() {
            provision();
            stub.on("provision", json(401, "{\"error\":\"invalid_token\",\"message\":\"The OAuth2 token is invalid.\"}"));

            ProvisionResult result = provision();

            assertThat(result.outcome().ok()).as(result.outcome().message()).isTrue();
            assertThat(stub.count("token")).isEqualTo(2);
            List<RecordedRequest> provisions = stub.requests("provision");
            assertThat(provisions).hasSize(3);
            assertThat(provisions.get(2).getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
            provision();
            assertThat(stub.count("token")).isEqualTo(2);
        }

        @Test
        void forbiddenInvalidTokenIsRenewedToo() {
            stub.on("status", json(403, "{\"error\":\"invalid_token\",\"message\":\"expired\"}"));

            assertThat(api.status(CREDENTIALS, "example.com").outcome().ok()).isTrue();
            assertThat(stub.count("token")).isEqualTo(2);
        }

        @Test
        void badRequestInvalidTokenIsRenewedToo() {
            stub.on("partner-cancel", json(400, "{\"error_code\":\"invalid_token\",\"error_message\":\"Bad token.\"}"));

            assertThat(api.cancel(CREDENTIALS, "example.com").ok()).isTrue();
            assertThat(stub.count("token")).isEqualTo(2);
        }

        @Test
        void aTokenRefusedTwiceIsAPermanentFailure() {
            MockResponse refused = json(401, "{\"error\":\"invalid_token\",\"message\":\"The OAuth2 token is invalid.\"}");
            stub.on("provision", refused, refused);

            assertFailure(provision().outcome(), false, "refused a newly issued access token", "invalid_token");
            assertThat(stub.count("token")).isEqualTo(2);
            assertThat(stub.count("provision")).isEqualTo(2);
        }

        /**
         * The job queue runs many provisions at once (maxInFlight): their connections stay open for the next ones
         * instead of all but OkHttp's default five being closed and opened again.
         */
        @Test
        void twentyProvisionsAtOnceReuseTheConnectionsOfTheTwentyBefore() throws Exception {
            stub.provisionsTogether(20);
            provisionAtOnce(20);
            provisionAtOnce(20);

            List<RecordedRequest> provisions = stub.requests("provision");
            assertThat(provisions).hasSize(40);
            List<Integer> firstConnections = provisions.subList(0, 20).stream()
                    .map(RecordedRequest::getConnectionIndex).toList();
            assertThat(provisions.subList(20, 40)).extracting(RecordedRequest::getConnectionIndex)
                    .as("connections of the second twenty").allMatch(firstConnections::contains);
        }

        private void provisionAtOnce(int calls) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(calls);
            try {
                List<Future<ProvisionResult>> results = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    String site = "site" + i + ".example.com";
                    results.add(pool.submit(() -> api.provision(CREDENTIALS, Plan.PERSONAL, site, "admin")));
                }
                for (Future<ProvisionResult> result : results) {
                    assertThat(result.get(30, TimeUnit.SECONDS).outcome().ok()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void fiftyConcurrentProvisionsAskForOneToken() throws Exception {
            stub.tokenDelay(300);
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ProvisionResult>> results = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String site = "site" + i + ".example.com";
                    Callable<ProvisionResult> call = () -> {
                        start.await();
                        return api.provision(CREDENTIALS, Plan.PERSONAL, site, "admin");
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                for (Future<ProvisionResult> result : results) {
                    assertThat(result.get(30, TimeUnit.SECONDS).outcome().ok()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(stub.count("token")).isEqualTo(1);
            assertThat(stub.count("provision")).isEqualTo(50);
        }

        @Test
        void validateCredentialsAsksForANewTokenAndReportsSuccess() {
            provision();

            ApiOutcome outcome = api.validateCredentials(CREDENTIALS);

            assertThat(outcome.ok()).isTrue();
            assertThat(stub.count("token")).isEqualTo(2);
        }

        @Test
        void onlyARefusalOfTheTokenCallCarriesAnErrorCode() {
            stub.on("token", json(400, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client_id.\"}"),
                    json(503, "{}"));

            assertThat(api.validateCredentials(CREDENTIALS).errorCode()).isEqualTo("invalid_client");
            assertThat(api.validateCredentials(CREDENTIALS).refusedByApi()).isFalse();
        }

        @Test
        void validateCredentialsReportsWrongCredentials() {
            stub.on("token", json(400, "{\"error\":\"invalid_client\",\"error_description\":\"Incorrect client secret.\"}"));

            assertFailure(api.validateCredentials(CREDENTIALS), false, "Incorrect client secret.");
        }

        @Test
        void missingCredentialsAreReportedWithoutAnyRequest() {
            assertFailure(api.validateCredentials(new PartnerCredentials(" ", "x")), false, "Partner Client ID");
            assertFailure(api.provision(new PartnerCredentials("1001", null), Plan.FREE, "example.com", "admin").outcome(),
                    false, "Partner Client Secret");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    class Provision {
        @Test
        void successWithNextUrlGivesTheActivationLink() throws InterruptedException {
            ProvisionResult result = provision();

            assertThat(result.outcome().ok()).isTrue();
            assertThat(result.waiting()).isFalse();
            assertThat(result.nextUrl()).isEqualTo("https://jetpack.example/connect?site=1");
            assertThat(result.details()).isEqualTo("URL to Activate Jetpack: https://jetpack.example/connect?site=1");
            RecordedRequest request = stub.requests("provision").get(0);
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/wpcom/rest/v1.3/jpphp/provision");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
            assertThat(form(request)).containsEntry("plan", "premium").containsEntry("siteurl", "example.com/blog")
                    .containsEntry("local_user", "admin").containsEntry("force_register", "true");
        }

        @Test
        void authRequiredWithoutALinkMeansThePlanWaitsForTheDomain() {
            stub.on("provision", json(200, "{\"success\":true,\"auth_required\":true,\"next_url\":\"\"}"));

            ProvisionResult result = api.provision(CREDENTIALS, Plan.FREE, "http://new-site.invalid/", "admin");

            assertThat(result.outcome().ok()).isTrue();
            assertThat(result.waiting()).isTrue();
            assertThat(result.details()).contains("did not resolve", "waiting for new-site.invalid", "Jetpack banner",
                    "DNS resolves").doesNotContain("URL to Activate");
        }

        @Test
        void noAuthRequiredAndNoLinkMeansThePlanIsActiveOnTheConnectedSite() {
            stub.on("provision", json(200, "{\"success\":true,\"auth_required\":false}"));

            ProvisionResult result = provision();

            assertThat(result.active()).isTrue();
            assertThat(result.waiting()).isFalse();
            assertThat(result.details()).isEqualTo("The Jetpack Premium plan is active on example.com/blog, which is"
                    + " already connected to Jetpack: there is nothing more to do.");
        }

        @Test
        void aNextUrlThatIsNotTextIsNoLink() {
            stub.on("provision", json(200, "{\"success\":true,\"auth_required\":true,\"next_url\":false}"),
                    json(200, "{\"success\":true,\"auth_required\":false,\"next_url\":null}"),
                    json(200, "{\"success\":true,\"auth_required\":true,\"next_url\":42}"));

            List<String> links = List.of(provision(), provision(), provision()).stream()
                    .map(r -> r.nextUrl() + "|" + r.waiting() + "|" + r.active()).toList();

            assertThat(links).containsExactly("|true|false", "|false|true", "|true|false");
        }

        @Test
        void successFalseWithAnErrorCodeIsAnErrorNamingTheCode() {
            stub.on("provision", json(200, "{\"success\":false,\"error_code\":\"invalid_local_user\","
                    + "\"error_message\":\"No such user.\"}"));

            ProvisionResult result = provision();

            assertFailure(result.outcome(), false, "invalid_local_user: No such user. Check the service's Local User");
            assertThat(result.details()).isEmpty();
        }

        @Test
        void aJsonArrayIsAnAnswerNotUnderstoodAndItsBodyGoesOnlyToTheModuleLog() {
            stub.on("provision", json(200, "[\"<b>surprise</b>\"]"));

            ProvisionResult result = provision();

            assertFailure(result.outcome(), false, "an answer this module does not understand", "Module Log");
            assertThat(result.outcome().message()).doesNotContain("surprise");
            assertThat(moduleLog.calls.get(1).response()).isEqualTo("HTTP 200\n[\"<b>surprise</b>\"]");
        }

        @Test
        void withoutForceRegisterNoneIsSent() {
            ProvisionResult result = api.provision(CREDENTIALS, Plan.PREMIUM, "example.com", "admin", false);

            assertThat(result.outcome().ok()).isTrue();
            assertThat(form(stub.requests("provision").get(0))).doesNotContainKey("force_register");
        }

        @Test
        void methodNotFoundWithoutForceRegisterIsSentAgainWithIt() {
            stub.on("provision", json(400, "{\"error_code\":\"method_not_found\",\"error_message\":\"No method.\"}"));

            ProvisionResult result = api.provision(CREDENTIALS, Plan.PREMIUM, "example.com", "admin", false);

            assertThat(result.outcome().ok()).as(result.outcome().message()).isTrue();
            assertThat(stub.requests("provision").stream().map(r -> form(r).get("force_register")).toList())
                    .containsExactly(null, "true");
        }

        @Test
        void anApiMessageEndingInAFullStopGetsNoSecondOne() {
            stub.on("provision", json(400, "{\"error_code\":\"invalid_plan\",\"error_message\":\"The plan is not valid.\"}"));

            assertThat(provision().outcome().message()).doesNotContain("..");
        }

        @Test
        void invalidPlanShowsTheApisMessage() {
            stub.on("provision", json(400, "{\"error_code\":\"invalid_plan\",\"error_message\":\"The plan is not valid.\"}"));

            assertFailure(provision().outcome(), false, "trying to provision a plan - invalid_plan: The plan is not valid.",
                    "Check the service's Plan");
        }

        @Test
        void downgradeRefusalIsExplained() {
            stub.on("provision", json(400, "{\"error\":\"plan_downgrade_disallowed\",\"message\":\"The site already has a higher plan.\"}"));

            ProvisionResult result = provision();

            assertFailure(result.outcome(), false, "plan_downgrade_disallowed: The site already has a higher plan.",
                    "downgrades are refused");
            assertThat(result.details()).isEmpty();
        }

        @Test
        void invalidScopeIsPermanentAndDoesNotRenewTheToken() {
            stub.on("provision", json(403, "{\"error\":\"invalid_scope\",\"message\":\"This token cannot provision partner sites.\"}"));

            assertFailure(provision().outcome(), false, "invalid_scope: This token cannot provision partner sites.",
                    "Partner Client ID and Secret");
            assertThat(stub.count("token")).isEqualTo(1);
            assertThat(stub.count("provision")).isEqualTo(1);
        }

        @Test
        void serverErrorIsTransientAndCarriesRetryAfter() {
            stub.on("provision", new MockResponse.Builder(json(503, "{\"error\":\"busy\"}")).setHeader("Retry-After", "30").build());

            ApiOutcome outcome = provision().outcome();

            assertFailure(outcome, true, "error communicating with the Jetpack provisioning server", "HTTP 503", "try again later");
            assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void rateLimitIsTransient() {
            stub.on("provision", new MockResponse.Builder(json(429, "{}")).setHeader("Retry-After", "12").build());

            ApiOutcome outcome = provision().outcome();

            assertFailure(outcome, true, "HTTP 429", "in 12 seconds");
            assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        }

        @Test
        void timeOutIsTransient() {
            stub.on("provision", new MockResponse.Builder(json(200, "{\"success\":true,\"next_url\":\"https://late\"}"))
                    .headersDelay(TestClients.READ_TIMEOUT_MILLIS * 4L, TimeUnit.MILLISECONDS).build());

            assertFailure(provision().outcome(), true, "did not answer in time", "try again later");
        }

        @Test
        void droppedConnectionIsTransient() {
            MockResponse dropped = new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            stub.on("provision", dropped, dropped, dropped);

            assertFailure(provision().outcome(), true, "Could not talk to the Jetpack Partner API", "try again later");
        }

        @Test
        void htmlErrorPageIsTransient() {
            stub.on("provision", new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                    .body("<html><body>Bad gateway</body></html>").build());

            assertFailure(provision().outcome(), true, "HTTP 502", "try again later");
        }

        @Test
        void htmlInsteadOfJsonOnSuccessPointsAtTheBaseUrl() {
            stub.on("provision", new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                    .body("<html><body>Welcome to nginx</body></html>").build());

            assertFailure(provision().outcome(), false, "not JSON", "text/html", "jetpack.partner.api");
        }

        @Test
        void emptyBodyIsTransient() {
            stub.on("provision", new MockResponse.Builder().code(200).build());

            assertFailure(provision().outcome(), true, "empty or incomplete");
        }

        @Test
        void emptyBodyOnServerErrorIsTransient() {
            stub.on("provision", new MockResponse.Builder().code(500).build());

            assertFailure(provision().outcome(), true, "HTTP 500");
        }

        @Test
        void truncatedJsonIsTransient() {
            stub.on("provision", json(200, "{\"success\":true,\"next_u"));

            assertFailure(provision().outcome(), true, "empty or incomplete");
        }

        @Test
        void bodyCutShortByTheServerIsTransient() {
            MockResponse cut = new MockResponse.Builder(json(200, "{\"success\":true,\"next_url\":\"https://jetpack.example/x\"}"))
                    .onResponseBody(new SocketEffect.CloseSocket()).build();
            stub.on("provision", cut, cut, cut);

            assertFailure(provision().outcome(), true, "try again later");
        }

        @Test
        void missingSiteOrUserIsReportedWithoutAnyRequest() {
            assertFailure(api.provision(CREDENTIALS, Plan.FREE, " https:// ", "admin").outcome(), false, "Site URL");
            assertFailure(api.provision(CREDENTIALS, Plan.FREE, "example.com", " ").outcome(), false, "Local User");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void aSiteUrlThatIsNotAWebAddressIsRefusedWithoutAnyRequest() {
            String longDottedHost = "a.".repeat(20_000) + "com";
            assertThat(api.provision(CREDENTIALS, Plan.FREE, longDottedHost, "admin").outcome().message()).isEqualTo(
                    PartnerApi.PREFIX + "The Site URL is not a valid web address: it is longer than 2000 characters."
                            + " Correct it in the service's details and run the command again.");
            assertFailure(api.cancel(CREDENTIALS, "https://" + "a.".repeat(200) + "com"), false,
                    "the host name is longer than 253 characters");
            assertFailure(api.status(CREDENTIALS, "localhost").outcome(), false, "needs at least two parts");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    class Cancel {
        @Test
        void successUsesTheSiteIdentifier() {
            ApiOutcome outcome = api.cancel(CREDENTIALS, "https://example.com/demo/wp//");

            assertThat(outcome.ok()).isTrue();
            RecordedRequest request = stub.requests("partner-cancel").get(0);
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/wpcom/rest/v1.3/jpphp/example.com::demo::wp/partner-cancel");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        }

        @Test
        void successFalseMeansAlreadyCancelled() {
            stub.on("partner-cancel", json(200, "{\"success\":false}"));

            assertFailure(api.cancel(CREDENTIALS, "example.com"), false, "likely already been cancelled");
        }

        @Test
        void successFalseWithAnErrorCodeIsARefusalNamingIt() {
            stub.on("partner-cancel", json(200, "{\"success\":false,\"error_code\":\"not_jps_plan\"}"));

            assertFailure(api.cancel(CREDENTIALS, "example.com"), false, "not_jps_plan", "not a partner plan");
        }

        @Test
        void notFoundMeansTheSiteUrlIsInvalid() {
            stub.on("partner-cancel", json(404, "{\"error\":\"not_found\"}"));

            assertFailure(api.cancel(CREDENTIALS, "http://exmaple.com/"), false, "404", "'exmaple.com' is likely invalid",
                    "Check the service's Site URL");
        }

        @Test
        void serverErrorIsTransient() {
            stub.on("partner-cancel", json(500, "{}"));

            assertFailure(api.cancel(CREDENTIALS, "example.com"), true, "try again later");
        }

        @Test
        void anotherPartnersPlanIsExplained() {
            stub.on("partner-cancel", json(403, "{\"error\":\"incorrect_partner_key\",\"message\":\"Wrong partner.\"}"));

            assertFailure(api.cancel(CREDENTIALS, "example.com"), false, "incorrect_partner_key", "another hosting partner");
        }
    }

    @Nested
    class Status {
        @Test
        void readsTheSitesPlanAndFlags() {
            stub.on("status", json(200, "{\"plan\":\"premium\",\"is_partner_plan\":true,\"is_provisioned_by_calling_partner\":true,"
                    + "\"is_connected\":false,\"has_pending_plan\":true,\"products\":[]}"));

            SiteStatus status = api.status(CREDENTIALS, "example.com/shop/");

            assertThat(status.outcome().ok()).isTrue();
            assertThat(status.plan()).isEqualTo("premium");
            assertThat(status.partnerPlan()).isTrue();
            assertThat(status.provisionedByCallingPartner()).isTrue();
            assertThat(status.connected()).isFalse();
            assertThat(status.pendingPlan()).isTrue();
            RecordedRequest request = stub.requests("status").get(0);
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/wpcom/rest/v1.3/jpphp/example.com::shop/status");
        }

        @Test
        void readsTheNestedShapeOfNewerVersions() throws Exception {
            ((AutoCloseable) api).close();
            api = new OkHttpPartnerApi(ClientSettings.of(server.url("/wpcom/").toString(), "1.4", 2_000,
                    TestClients.READ_TIMEOUT_MILLIS, 10_000), () -> moduleLog);
            stub.on("status", json(200, "{\"blog\":{\"blog_id\":77,\"plan\":{\"product_slug\":\"professional\"},\"is_partner_plan\":true,"
                    + "\"is_provisioned_by_calling_partner\":true,\"is_connected\":true,\"has_pending_plan\":false},"
                    + "\"products\":[]}"));

            SiteStatus status = api.status(CREDENTIALS, "example.com");

            assertThat(List.of(status.plan(), status.partnerPlan(), status.connected(), status.pendingPlan(), status.blogId()))
                    .containsExactly("professional", true, true, false, 77L);
            assertThat(stub.requests("status").get(0).getUrl().encodedPath())
                    .isEqualTo("/wpcom/rest/v1.4/jpphp/example.com/status");
        }

        @Test
        void anInvalidStatusVersionNamesTheSetting() throws Exception {
            ((AutoCloseable) api).close();
            api = new OkHttpPartnerApi(ClientSettings.of(server.url("/wpcom/").toString(), "latest", 2_000,
                    TestClients.READ_TIMEOUT_MILLIS, 10_000), () -> moduleLog);

            assertFailure(api.status(CREDENTIALS, "example.com").outcome(), false, "statusApiVersion");
            assertThat(stub.count("status")).isZero();
        }

        @Test
        void invalidBlogIsExplained() {
            stub.on("status", json(403, "{\"error\":\"invalid_blog\",\"message\":\"Unknown blog.\"}"));

            SiteStatus status = api.status(CREDENTIALS, "example.com");

            assertFailure(status.outcome(), false, "invalid_blog: Unknown blog.", "check the Site URL");
            assertThat(status.plan()).isEmpty();
        }
    }

    @Nested
    class Trouble {
        @Test
        void unreachableServerIsTransient() throws IOException {
            server.close();

            assertFailure(provision().outcome(), true, "Could not talk to the Jetpack Partner API");
        }

        @Test
        void invalidBaseUrlIsReportedWithoutThrowing() {
            OkHttpPartnerApi broken = new OkHttpPartnerApi(ClientSettings.of("not a url", 1000, 1000, 1000), () -> null);
            try {
                assertFailure(broken.provision(CREDENTIALS, Plan.FREE, "example.com", "admin").outcome(), false,
                        "'not a url' is not a valid http or https URL", "jetpack.partner.api");
                assertFailure(broken.cancel(CREDENTIALS, "example.com"), false, "jetpack.partner.api");
                assertFailure(broken.status(CREDENTIALS, "example.com").outcome(), false, "jetpack.partner.api");
                assertFailure(broken.validateCredentials(CREDENTIALS), false, "jetpack.partner.api");
            } finally {
                broken.close();
            }
        }

        @Test
        void redirectIsNotFollowed() {
            stub.on("provision", new MockResponse.Builder().code(301).setHeader("Location", "https://elsewhere/").build());

            assertFailure(provision().outcome(), false, "redirect", "jetpack.partner.api");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Nested
    class ModuleLogging {
        @Test
        void eachExchangeIsLoggedWithSecretAndTokenScrubbed() {
            provision();
            api.cancel(CREDENTIALS, "example.com");

            assertThat(moduleLog.calls).extracting(RecordingModuleLog.Call::action)
                    .containsExactly("token", "provision", "partner-cancel");
            assertThat(moduleLog.calls).allSatisfy(call -> {
                assertThat(call.module()).isEqualTo("jetpack");
                assertThat(call.scrub()).contains("s3cret-partner");
                assertThat(call.stored()).doesNotContain("s3cret-partner").doesNotContain("token-1");
            });
            RecordingModuleLog.Call token = moduleLog.calls.get(0);
            assertThat(token.scrub()).contains("token-1");
            assertThat(token.request()).contains("client_secret=s3cret-partner");
            assertThat(token.stored()).contains("client_secret=********").contains("\"access_token\":\"********\"");
            RecordingModuleLog.Call provision = moduleLog.calls.get(1);
            assertThat(provision.scrub()).contains("token-1");
            assertThat(provision.stored()).contains("siteurl=example.com/blog", "HTTP 200", "next_url");
        }

        @Test
        void troubleIsLoggedToo() {
            stub.on("provision", json(503, "{\"error\":\"busy\"}"));

            provision();

            assertThat(moduleLog.calls.get(1).response()).startsWith("HTTP 503");
        }

        @Test
        void aFailingModuleLogDoesNotFailTheCall() throws Exception {
            RecordingModuleLog broken = new RecordingModuleLog() {
                @Override
                public void log(String module, String action, String request, String response, String processed,
                                java.util.Collection<String> scrub) {
                    throw new IllegalStateException("module log table is gone");
                }
            };
            PartnerApi withBrokenLog = TestClients.partnerApi(server, broken);
            try {
                assertThat(withBrokenLog.provision(CREDENTIALS, Plan.FREE, "example.com", "admin").outcome().ok()).isTrue();
            } finally {
                ((AutoCloseable) withBrokenLog).close();
            }
        }

        @Test
        void nothingIsLoggedWhileTheModuleLogIsOff() {
            moduleLog.setEnabled(false);

            provision();

            assertThat(moduleLog.calls).isEmpty();
        }
    }
}
