package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import org.billinghost.api.platform.ModuleDatabase;

/**
 * The addon's tables on the host's database: product records and the pending notice. The tables come from the
 * scripts in {@code db/jetpack-addon}, which the host applies when the addon registers.
 */
final class AddonStorage {
    private final ProductRecords records;
    private final CredentialsNotice notice;
    private final PlanClaims claims;
    private final ManualPlans manualPlans;

    AddonStorage(ModuleDatabase database, Clock clock) {
        this.records = new ProductRecords(database, clock);
        this.notice = new CredentialsNotice(database, clock);
        this.claims = new PlanClaims(database, clock);
        this.manualPlans = new ManualPlans(database, clock);
    }

    ManualPlans manualPlans() {
        return manualPlans;
    }

    PlanClaims claims() {
        return claims;
    }

    ProductRecords records() {
        return records;
    }

    CredentialsNotice notice() {
        return notice;
    }
}
