package org.billinghost.jetpack.internal.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.billinghost.jetpack.internal.module.ProvisioningRecord.State;

class ProvisioningRecordsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-03-02T11:30:00Z");

    @AllDatabases.Test
    void aRecordFollowsProvisioningFailureAndCancellation(TestDatabase kind) {
        try (TestDatabase db = TestDatabases.create(kind.dialect())) {
            ModuleTables.create(db.database());
            ProvisioningRecords first = new ProvisioningRecords(db.database(), Clock.fixed(T0, ZoneOffset.UTC));
            ProvisioningRecords later = new ProvisioningRecords(db.database(), Clock.fixed(T1, ZoneOffset.UTC));

            first.provisioned(5, "example.com::blog", "premium", State.WAITING);
            later.failed(5, "other.example.org", "professional", "x".repeat(ProvisioningRecords.MAX_ERROR_LENGTH + 10));
            ProvisioningRecord failed = later.find(5).orElseThrow();
            later.blogId(5, "example.com::blog", 42);
            later.blogId(5, "other.example.org", 43);
            later.cancelled(5, "ignored.example.org", "free");

            assertThat(failed).isEqualTo(new ProvisioningRecord(5, "example.com::blog", 0, "premium", State.WAITING, T0, null,
                    "x".repeat(ProvisioningRecords.MAX_ERROR_LENGTH)));
            assertThat(later.find(5)).contains(new ProvisioningRecord(5, "example.com::blog", 42, "premium", State.CANCELLED,
                    T0, T1, ""));
            assertThat(later.find(6)).isEmpty();
        }
    }
}
