package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicensingApi;

/** The addon's pages on a catalog of the test's choice, a migrated H2 database and a fake Partner API. */
final class AddonFixture {
    static final String LINK = "/admin/addonmodules?module=jetpack";
    static final String TOKEN = "csrf-token-123";
    static final String CLIENT_ID = "1001";
    static final String SECRET = "demo-partner-secret";

    final Catalog catalog;
    final ModuleDatabase database = TestDatabases.h2();
    final AddonStorage storage = new AddonStorage(database, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    final FakePartnerApi partnerApi = new FakePartnerApi();
    final RecordingActivityLog activityLog = new RecordingActivityLog();
    final PartnerApiAccess api = new PartnerApiAccess();
    final ServiceSlot<LicenseLedger> ledger = new ServiceSlot<>();
    final ServiceSlot<LicensingApi> licensing = new ServiceSlot<>();
    final AdminPages pages;
    final Map<String, String> config = new HashMap<>(Map.of(AddonSettings.CLIENT_ID, CLIENT_ID, AddonSettings.CLIENT_SECRET, SECRET));

    AddonFixture(Catalog catalog) {
        this.catalog = catalog;
        api.set(partnerApi);
        pages = new AdminPages(catalog, storage, api, ledger, licensing, activityLog, TestTemplates.addon());
    }

    AddonPage get(String... nameValues) {
        return pages.render(request("GET", nameValues));
    }

    AddonPage post(String... nameValues) {
        return pages.render(request("POST", nameValues));
    }

    AddonRequest request(String method, String... nameValues) {
        Map<String, List<String>> parameters = new HashMap<>();
        parameters.put("module", List.of("jetpack"));
        for (int i = 0; i < nameValues.length; i += 2) {
            // a name given twice is a repeated parameter (ticked check boxes)
            parameters.computeIfAbsent(nameValues[i], n -> new ArrayList<>()).add(nameValues[i + 1]);
        }
        return new AddonRequest(LINK, JetpackAddon.VERSION, config, parameters, method,
                new AdminIdentity(1, "admin", "Full Administrator"), TOKEN);
    }
}
