package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.jetpack.partner.Plan;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The addon's tables on H2, PostgreSQL and MariaDB: idempotent migrations that never drop data. */
class AddonSchemaTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2026-11-29T08:30:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of(Named.<Supplier<ModuleDatabase>>of("H2", TestDatabases::h2)),
                Arguments.of(Named.<Supplier<ModuleDatabase>>of("PostgreSQL", TestDatabases::postgresql)),
                Arguments.of(Named.<Supplier<ModuleDatabase>>of("MariaDB", TestDatabases::mariadb)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migratingAgainAppliesNothingAndKeepsTheRecords(Supplier<ModuleDatabase> database) {
        ModuleDatabase db = database.get();
        AddonStorage storage = new AddonStorage(db, Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(storage.schema().migrate()).isEqualTo(AddonSchema.latestVersion());
        storage.records().record(41, Plan.PERSONAL);
        storage.notice().markChanged(List.of(AddonSettings.CLIENT_SECRET));

        assertThat(storage.schema().migrate()).isZero();
        assertThat(storage.schema().currentVersion()).isEqualTo(AddonSchema.latestVersion());
        assertThat(storage.records().all()).containsOnlyKeys(41L);
        assertThat(storage.records().all().get(41L)).isEqualTo(new ProductRecord(41, Plan.PERSONAL, T0, T0));
        assertThat(storage.notice().isPending()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recordingAProductAgainUpdatesItsPlanAndKeepsItsCreationTime(Supplier<ModuleDatabase> database) {
        ModuleDatabase db = database.get();
        new AddonStorage(db, Clock.fixed(T0, ZoneOffset.UTC)).schema().migrate();
        new AddonStorage(db, Clock.fixed(T0, ZoneOffset.UTC)).records().record(7, Plan.FREE);

        ProductRecords later = new AddonStorage(db, Clock.fixed(T1, ZoneOffset.UTC)).records();
        later.record(7, Plan.PREMIUM);
        later.record(8, Plan.PROFESSIONAL);

        assertThat(later.all().values()).containsExactly(
                new ProductRecord(7, Plan.PREMIUM, T0, T1),
                new ProductRecord(8, Plan.PROFESSIONAL, T1, T1));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theCredentialsNoticeIsPendingUntilCleared(Supplier<ModuleDatabase> database) {
        AddonStorage storage = new AddonStorage(database.get(), Clock.systemUTC());
        storage.schema().migrate();
        assertThat(storage.notice().isPending()).isFalse();

        storage.notice().markChanged(List.of(AddonSettings.CLIENT_ID));
        storage.notice().markChanged(List.of(AddonSettings.CLIENT_ID, AddonSettings.CLIENT_SECRET));
        assertThat(storage.notice().isPending()).isTrue();

        storage.notice().clear();
        assertThat(storage.notice().isPending()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void hostsMigratingAtTheSameMomentApplyEachMigrationOnce(Supplier<ModuleDatabase> database) throws Exception {
        ModuleDatabase db = database.get();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> new AddonStorage(db, Clock.systemUTC()).schema().migrate()));
            }
            int applied = 0;
            for (Future<Integer> run : runs) {
                applied += run.get();
            }
            assertThat(applied).isEqualTo(AddonSchema.latestVersion());
            assertThat(new AddonStorage(db, Clock.systemUTC()).schema().currentVersion()).isEqualTo(AddonSchema.latestVersion());
        } finally {
            pool.shutdownNow();
        }
    }
}
