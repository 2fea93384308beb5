package org.billinghost.jetpack.internal.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.internal.client.LicensingStub.TOKEN;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.jetpack.internal.client.LicensingStub;
import org.billinghost.jetpack.partner.LicenseReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger and the daily job on the host's real catalogue, orders, services and activity log. */
class LicenseLedgerTest {
    private LicensingHost host;
    private LicensingStub stub;
    private CoreAssembly core;
    private LicenseLedgerComponent ledger;
    private LicenseReconciliationJob job;

    @BeforeEach
    void start() throws IOException {
        host = new LicensingHost();
        stub = host.stub;
        core = host.core;
        ledger = host.ledger();
        job = new LicenseReconciliationJob(ledger, core.catalog(), core.activityLog());
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private long order(String site) {
        long serviceId = host.order(site);
        core.runDueJobs();
        assertThat(core.services().get(serviceId).orElseThrow().status()).isEqualTo(ServiceStatus.ACTIVE);
        return serviceId;
    }

    private List<String> activity() {
        return core.activityLog().search("daily license reconciliation", 0, 0, 10).items().stream()
                .map(e -> e.message()).toList();
    }

    @Test
    void aCleanComparisonWritesNothing() {
        long serviceId = order("ann.example.org");

        LicenseReport report = ledger.report(TOKEN);

        assertThat(report.clean()).isTrue();
        assertThat(report.attached()).isEqualTo(1);
        assertThat(report.lines()).singleElement().satisfies(line -> {
            assertThat(line.serviceId()).isEqualTo(serviceId);
            assertThat(line.site()).isEqualTo("ann.example.org");
            assertThat(line.license().attached()).isTrue();
        });
        assertThat(job.run()).isZero();
    }

    @Test
    void anOrphanIsReportedByTheDailyJobAndRevokedFromTheView() {
        order("ann.example.org");
        LicensingStub.Entry orphan = stub.issueDirectly("jetpack-complete", Instant.now());

        assertThat(ledger.report(TOKEN).orphans()).singleElement().satisfies(l -> assertThat(l.key()).isEqualTo(orphan.key));
        assertThat(job.run()).isEqualTo(1);
        assertThat(activity()).singleElement().satisfies(line -> assertThat(line).contains("1 license(s)", orphan.key,
                "0 service(s)"));

        assertThat(ledger.revokeOrphan(TOKEN, orphan.key).ok()).isTrue();
        assertThat(stub.get(orphan.key).revokedAt).isNotNull();
        assertThat(ledger.report(TOKEN).clean()).isTrue();
    }

    @Test
    void aServiceOwnedLicenseIsNeverRevokedAsAnOrphan() {
        order("ann.example.org");
        String key = stub.unrevoked().get(0).key;

        assertThat(ledger.revokeOrphan(TOKEN, key).message()).contains("belongs to a service");
        assertThat(stub.get(key).revokedAt).isNull();
    }

    @Test
    void aServiceWhoseLicenseWasRevokedAtTheApiIsMissingAndCanBeGivenAnOrphan() {
        long serviceId = order("ann.example.org");
        LicensingStub.Entry lost = stub.unrevoked().get(0);
        lost.revokedAt = Instant.now();
        LicensingStub.Entry orphan = stub.issueDirectly("jetpack-backup-daily", Instant.now().minusSeconds(3600));

        LicenseReport report = ledger.report(TOKEN);
        assertThat(report.missing()).singleElement().satisfies(l -> assertThat(l.serviceId()).isEqualTo(serviceId));
        assertThat(report.orphans()).hasSize(1);

        assertThat(ledger.assign(TOKEN, orphan.key, serviceId).ok()).isTrue();

        assertThat(ledger.report(TOKEN).clean()).isTrue();
    }

    @Test
    void assignRefusesAServiceThatHasAWorkingLicenseAndAnUnknownService() {
        long serviceId = order("ann.example.org");
        LicensingStub.Entry orphan = stub.issueDirectly("jetpack-backup-daily", Instant.now());

        assertThat(ledger.assign(TOKEN, orphan.key, serviceId).message()).contains("has a working license");
        assertThat(ledger.assign(TOKEN, orphan.key, 9999).message()).contains("no service #9999");
        assertThat(ledger.assign(TOKEN, "jetpack-backup-daily_missing", serviceId).message()).contains("license_not_found");
        assertThat(ledger.report(TOKEN).orphans()).hasSize(1);
    }

    @Test
    void theJobSaysWhenItCannotLook() {
        core.catalog().updateConfigOptions(List.of(host.backup.id()), 1, "refused-token");

        assertThat(job.run()).isEqualTo(1);

        assertThat(activity()).singleElement().satisfies(line -> assertThat(line).contains("could not run", "invalid_token"));
    }
}
