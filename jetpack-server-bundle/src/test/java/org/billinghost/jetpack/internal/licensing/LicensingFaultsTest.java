package org.billinghost.jetpack.internal.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.internal.client.LicensingStub.TOKEN;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.jetpack.internal.client.LicensingStub;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.partner.LicenseReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly once under faults, through the host's real orders, module queue and retries: 300 orders of a license
 * product while 30 % of the issue calls lose their answer (25 %) or answer too late (5 %), and 10 services start from
 * the state a host killed between the issue's answer and the insert leaves (intent stored, license issued, no key).
 * Figures in docs/reliability.md.
 */
class LicensingFaultsTest {
    private static final int ORDERS = 300;
    private static final int CRASHED = 10;

    private LicensingHost host;

    @BeforeEach
    void start() throws IOException {
        host = new LicensingHost();
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    @Test
    void everyServiceEndsWithExactlyOneLicenseAndNoneIsOrphaned() {
        List<Long> services = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            services.add(host.order("site" + i + ".example.org"));
        }
        LicensingStub stub = host.stub;
        CoreAssembly core = host.core;
        LicenseRecords records = host.records;
        for (long serviceId : services.subList(0, CRASHED)) {
            records.intend(serviceId, "jetpack-backup-daily");
            stub.issueDirectly("jetpack-backup-daily", Instant.now());
        }
        stub.issueFaults(0.25, 0.05, 15);

        for (int round = 0; round < 10 && core.runDueJobs() > 0; round++) {
            core.makeJobsDue();
        }

        assertThat(services).allSatisfy(id ->
                assertThat(core.services().get(id).orElseThrow().status()).isEqualTo(ServiceStatus.ACTIVE));
        List<LicenseRecord> active = records.all().stream().filter(r -> r.state() == State.ACTIVE).toList();
        assertThat(active).hasSize(ORDERS);
        assertThat(active.stream().map(LicenseRecord::serviceId).collect(Collectors.toSet())).hasSize(ORDERS);
        Set<String> unrevoked = stub.unrevoked().stream().map(e -> e.key).collect(Collectors.toSet());
        assertThat(unrevoked).isEqualTo(active.stream().map(LicenseRecord::key).collect(Collectors.toSet()));
        LicenseReport report = host.ledger().report(TOKEN);
        assertThat(report.orphans()).isEmpty();
        assertThat(report.missing()).isEmpty();
        assertThat(stub.count("issue")).as("issues: one per service, less the adopted crash leftovers")
                .isEqualTo(ORDERS - CRASHED);
    }
}
