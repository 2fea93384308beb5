package org.billinghost.jetpack.addon.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicenseReport;

/** The server bundle's ledger as the addon sees it: answers a set report and records the changes asked for. */
final class FakeLicenseLedger implements LicenseLedger {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile LicenseReport report = LicenseReport.failed(ApiOutcome.failure("JETPACK MODULE: no report set", false));
    volatile ApiOutcome change = ApiOutcome.success("done");

    @Override
    public LicenseReport report(String token) {
        calls.add("report " + token);
        return report;
    }

    @Override
    public ApiOutcome revokeOrphan(String token, String key) {
        calls.add("revoke " + token + " " + key);
        return change;
    }

    @Override
    public ApiOutcome assign(String token, String key, long serviceId) {
        calls.add("assign " + token + " " + key + " " + serviceId);
        return change;
    }
}
