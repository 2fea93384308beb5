package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's identity values must never come back behind the stored rows after the host is killed: a child JVM
 * writes orders from many threads and is killed with SIGKILL once it has committed some; the next child
 * reopens the database and writes on, several times over, and finally this JVM writes more orders. No order
 * may hit a duplicate key.
 */
class IdentityAfterCrashTest {

    private static final int KILLS = 5;
    private static final int COMMITS_BEFORE_KILL = 400;
    private static final int ORDERS_AFTER_KILL = 40;

    @Test
    void identitiesDoNotGoBackAfterAKill(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("billing");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            CrashingOrderWriter.runUntilKilled(base, 0, COMMITS_BEFORE_KILL, failures);
        }
        try (Database database = Database.open(new DatabaseSettings(DatabaseSettings.h2File(base), "", ""))) {
            new MigrationRunner(database).migrate(); // as the host starts
            long field = CrashingOrderWriter.customField(database.jdbc());
            for (int i = 0; i < ORDERS_AFTER_KILL; i++) {
                try {
                    CrashingOrderWriter.writeOrder(database.jdbc(), field);
                } catch (DataAccessException e) {
                    failures.add("after the last kill: " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
