package org.billinghost.jetpack.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.internal.client.LicensingStub.TOKEN;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicenseProduct;
import org.billinghost.jetpack.partner.LicenseQuery;
import org.billinghost.jetpack.partner.LicenseResult;
import org.billinghost.jetpack.partner.LicensingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OkHttpLicensingApiTest {
    private final LicensingStub stub = new LicensingStub();
    private final RecordingModuleLog moduleLog = new RecordingModuleLog();
    private MockWebServer server;
    private LicensingApi api;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
        api = TestClients.licensingApi(server, moduleLog);
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) api).close();
        server.close();
    }

    @Test
    void issueSendsTheSlugAndReadsTheLicense() {
        LicenseResult issued = api.issue(TOKEN, "jetpack-scan");

        assertThat(issued.outcome().ok()).isTrue();
        assertThat(issued.license().key()).isEqualTo(stub.unrevoked().get(0).key);
        assertThat(issued.license().product()).isEqualTo("Jetpack Scan Daily");
        assertThat(issued.license().productId()).isEqualTo(2106);
        assertThat(issued.license().issuedAt()).isEqualTo(stub.unrevoked().get(0).issuedAt);
        assertThat(stub.requests("issue").get(0).getUrl().queryParameter("product")).isEqualTo("jetpack-scan");
    }

    @Test
    void aDroppedIssueIsNeverSentAgainByTheClient() {
        stub.on("issue", new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

        LicenseResult issued = api.issue(TOKEN, "jetpack-scan");

        assertThat(issued.outcome().transientFailure()).as(issued.outcome().message()).isTrue();
        assertThat(stub.count("issue")).isEqualTo(1);
    }

    @Test
    void theTokenNeverReachesTheModuleLog() {
        api.issue(TOKEN, "jetpack-scan");

        assertThat(moduleLog.calls).singleElement().satisfies(call -> {
            assertThat(call.module()).isEqualTo("jetpack_licensing");
            assertThat(call.scrub()).contains(TOKEN);
            assertThat(call.stored()).doesNotContain(TOKEN).contains("X-Jetpack-Request-Id: req-ok");
        });
    }

    @Test
    void refusalsNameTheCodeAndTheRequestId() {
        LicenseResult unknown = api.license(TOKEN, "jetpack-scan_nothing");

        assertThat(unknown.refusedWith("license_not_found")).isTrue();
        assertThat(unknown.outcome().transientFailure()).isFalse();
        assertThat(unknown.outcome().message()).startsWith("JETPACK MODULE: ").contains("check the key",
                "request id req-license_not_found");
    }

    @Test
    void aKeyTooLongIsRefusedBeforeSending() {
        LicenseResult result = api.revoke(TOKEN, "k".repeat(OkHttpLicensingApi.MAX_KEY_LENGTH + 1));

        assertThat(result.outcome().message()).contains("longer than 200 characters");
        assertThat(stub.count("revoke")).isZero();
    }

    @Test
    void revokeThenAttachAnswersTheApisCodes() {
        String key = api.issue(TOKEN, "jetpack-scan").license().key();

        assertThat(api.revoke(TOKEN, key).license().revoked()).isTrue();
        assertThat(api.revoke(TOKEN, key).refusedWith("license_already_revoked")).isTrue();
        assertThat(api.attach(TOKEN, key, "example.com").refusedWith("license_revoked")).isTrue();
    }

    @Test
    void listPagesNewestFirst() {
        stub.issueDirectly("jetpack-scan", Instant.parse("2026-01-01T00:00:00Z"));
        stub.issueDirectly("jetpack-scan", Instant.parse("2026-01-02T00:00:00Z"));

        var page = api.licenses(TOKEN, new LicenseQuery("detached", "", 1, 1, "issued_at", true));

        assertThat(page.items()).singleElement().extracting(l -> l.issuedAt())
                .isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(page.totalPages()).isEqualTo(2);
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void partnerCatalogueHasTheCostPerMonth() {
        LicenseCatalogue catalogue = api.partnerCatalogue(TOKEN);

        assertThat(catalogue.product("jetpack-complete")).contains(new LicenseProduct("Jetpack Packs", "jetpack-packs",
                2014, "Jetpack Complete", "jetpack-complete", "usd", new BigDecimal("24.95"), "month"));
    }

    @Test
    void publicCatalogueIsCachedAndSentWithoutToken() {
        api.catalogue();
        LicenseCatalogue again = api.catalogue();

        assertThat(again.products()).extracting(LicenseProduct::slug)
                .containsExactly("jetpack-backup-daily", "jetpack-scan", "jetpack-complete");
        assertThat(stub.count("families")).isEqualTo(1);
        assertThat(stub.requests("families").get(0).getHeaders().get("Authorization")).isNull();
    }

    @Test
    void timesInIsoFormAreReadToo() throws IOException {
        var node = new ObjectMapper().readTree("{\"a\":\"2020-09-08T16:14:58+00:00\",\"b\":\"2020-09-08 16:14:58\"}");

        assertThat(OkHttpLicensingApi.time(node, "a")).isEqualTo(Instant.parse("2020-09-08T16:14:58Z"));
        assertThat(OkHttpLicensingApi.time(node, "b")).isEqualTo(Instant.parse("2020-09-08T16:14:58Z"));
    }
}
