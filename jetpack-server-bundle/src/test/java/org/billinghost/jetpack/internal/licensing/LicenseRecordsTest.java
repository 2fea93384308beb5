package org.billinghost.jetpack.internal.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.internal.module.ModuleTables;
import org.billinghost.jetpack.partner.License;

class LicenseRecordsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant ISSUED = Instant.parse("2026-03-01T10:00:02Z");

    private static License license(String key) {
        return new License("17", key, "jetpack-backup-daily", 2100, ISSUED, null, null, 0, "");
    }

    @AllDatabases.Test
    void anIntentBecomesALicenseAndNoKeyHasTwoOwners(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            ModuleTables.create(db.database());
            LicenseRecords records = new LicenseRecords(db.database(), Clock.fixed(T0, ZoneOffset.UTC));

            LicenseRecord intent = records.intend(5, "jetpack-backup-daily");
            LicenseRecord other = records.intend(6, "jetpack-backup-daily");
            records.issued(intent.id(), license("jetpack-backup-daily_A"));

            assertThat(intent).isEqualTo(new LicenseRecord(intent.id(), 5, "jetpack-backup-daily", State.INTENT, T0, null, "",
                    "", null, "", null, "", null, ""));
            assertThat(records.forService(5)).singleElement().isEqualTo(new LicenseRecord(intent.id(), 5,
                    "jetpack-backup-daily", State.ACTIVE, T0, null, "jetpack-backup-daily_A", "17", ISSUED, "", null, "",
                    null, ""));
            assertThatThrownBy(() -> records.issued(other.id(), license("jetpack-backup-daily_A")))
                    .isInstanceOf(DatabaseException.class);
            assertThat(records.forService(6)).singleElement().extracting(LicenseRecord::state).isEqualTo(State.INTENT);
            assertThat(records.owned(List.of("jetpack-backup-daily_A", "jetpack-backup-daily_B")))
                    .containsExactly("jetpack-backup-daily_A");
        }
    }
}
