package org.billinghost.jetpack.internal.licensing;

import static org.billinghost.jetpack.internal.client.LicensingStub.TOKEN;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
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
import org.billinghost.jetpack.internal.module.ModuleTables;
import org.billinghost.jetpack.partner.LicensingApi;
import org.billinghost.web.internal.BundleTemplates;

/**
 * The module on the host's real core (H2): a license product "Jetpack Backup" (set up on order, attaching), one
 * client, and the Licensing API emulation behind it.
 */
final class LicensingHost implements AutoCloseable {
    final LicensingStub stub = new LicensingStub();
    final CoreAssembly core = CoreAssembly.h2();
    final MockWebServer server = new MockWebServer();
    final LicensingApi api;
    final LicenseRecords records;
    final Product backup;
    final long clientId;

    LicensingHost() throws IOException {
        server.setDispatcher(stub);
        server.start();
        api = TestClients.licensingApi(server, null);
        ModuleTables.create(core.moduleDatabase());
        records = new LicenseRecords(core.moduleDatabase(), Clock.systemUTC());
        core.addServerModule(JetpackLicensingModule.NAME, new JetpackLicensingModule(api,
                new BundleTemplates(JetpackLicensingModule.class.getClassLoader(), "jetpack-server-bundle"), records,
                java.time.Duration.ofMinutes(2)));
        long group = core.catalog().createGroup("Jetpack", false).id();
        backup = core.catalog().addProduct(new NewProduct(group, "Jetpack Backup", "", ProductType.OTHER, false,
                PayType.FREE, BigDecimal.ZERO, JetpackLicensingModule.NAME,
                List.of(TOKEN, "jetpack-backup-daily", "on", JetpackLicensingModule.KEEP_ON_SUSPENSION), AutoSetup.ORDER,
                List.of(new NewCustomField("Site URL", CustomFieldType.LINK, "", "", List.of(), false, false, true, false))));
        clientId = core.clients().add(new NewClient("Ann", "Lee", "ann@example.org", "", "1 Road", "Town", "", "1000",
                "US", "", "a-long-password-1")).id();
    }

    /** Places an order of the product for the site; answers the service id (the Create job is queued). */
    long order(String site) {
        return core.orders().place(new OrderRequest(clientId, List.of(new OrderLine(backup.id(), "",
                Map.of("Site URL", site))), "banktransfer", false)).serviceIds().get(0);
    }

    LicenseLedgerComponent ledger() {
        return new LicenseLedgerComponent(api, records, core.services(), core.catalog());
    }

    @Override
    public void close() throws Exception {
        ((AutoCloseable) api).close();
        server.close();
        core.close();
    }
}
