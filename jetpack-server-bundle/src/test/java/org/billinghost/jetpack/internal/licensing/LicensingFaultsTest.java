package org.billinghost.jetpack.internal.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.internal.client.LicensingStub.TOKEN;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.testkit.CoreAssembly;
import org.billinghost.jetpack.internal.client.LicensingStub;
import org.billinghost.jetpack.internal.client.TestClients;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.internal.module.ModuleTables;
import org.billinghost.jetpack.partner.LicenseReport;
import org.billinghost.jetpack.partner.LicensingApi;
import org.billinghost.web.internal.BundleTemplates;
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

    private final LicensingStub stub = new LicensingStub();
    private final CoreAssembly core = CoreAssembly.h2();
    private MockWebServer server;
    private LicensingApi api;
    private LicenseRecords records;
    private Product backup;
    private long clientId;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
        api = TestClients.licensingApi(server, null);
        ModuleTables.create(core.moduleDatabase());
        records = new LicenseRecords(core.moduleDatabase(), Clock.systemUTC());
        core.addServerModule(JetpackLicensingModule.NAME, new JetpackLicensingModule(api,
                new BundleTemplates(JetpackLicensingModule.class.getClassLoader(), "jetpack-server-bundle"), records));
        long group = core.catalog().createGroup("Jetpack", false).id();
        backup = core.catalog().addProduct(new NewProduct(group, "Jetpack Backup", "", ProductType.OTHER, false,
                PayType.FREE, BigDecimal.ZERO, JetpackLicensingModule.NAME,
                List.of(TOKEN, "jetpack-backup-daily", "on", JetpackLicensingModule.KEEP_ON_SUSPENSION), AutoSetup.ORDER,
                List.of(new NewCustomField("Site URL", CustomFieldType.LINK, "", "", List.of(), false, false, true, false))));
        clientId = core.clients().add(new NewClient("Ann", "Lee", "ann@example.org", "", "1 Road", "Town", "", "1000",
                "US", "", "a-long-password-1")).id();
    }

    @AfterEach
    void stop() throws Exception {
        ((AutoCloseable) api).close();
        server.close();
        core.close();
    }

    @Test
    void everyServiceEndsWithExactlyOneLicenseAndNoneIsOrphaned() {
        List<Long> services = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            services.add(core.orders().place(new OrderRequest(clientId, List.of(new OrderLine(backup.id(), "",
                    Map.of("Site URL", "site" + i + ".example.org"))), "banktransfer", false)).serviceIds().get(0));
        }
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
        LicenseReport report = new LicenseLedgerComponent(api, records, core.services(), core.catalog()).report(TOKEN);
        assertThat(report.orphans()).isEmpty();
        assertThat(report.missing()).isEmpty();
        assertThat(stub.count("issue")).as("issues: one per service, less the adopted crash leftovers")
                .isEqualTo(ORDERS - CRASHED);
    }
}
