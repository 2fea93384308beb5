package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.billinghost.api.billing.BillingException;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When H2 closes its file database underneath the pool (it does so when a write fails: a full disk), calls are
 * refused as temporarily unavailable, and the pool reconnects by itself: the next calls work without a restart.
 */
class DatabaseRecoveryTest {

    private static final String ACTIVITY =
            "INSERT INTO activity_log (created, message, username) VALUES (?, ?, 'test')";

    @Test
    void aDatabaseClosedUnderneathIsRefusedAsUnavailableThenReopenedByTheNextCall(@TempDir Path dir) {
        try (TestDatabase db = TestDatabases.h2File(dir)) {
            Jdbc jdbc = db.jdbc();
            jdbc.update(ACTIVITY, Jdbc.now(), "before");

            RuntimeException refused = TestDatabases.closeUnderneath(db.database());

            assertThat(refused).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("The database is temporarily unavailable; please try again in a few minutes.");
            assertThat(((BillingException) refused).category()).isEqualTo(BillingException.Category.UNAVAILABLE);
            assertThat(db.database().availability().problem()).isEqualTo("The database cannot be used (it was "
                    + "closed); requests are refused until it can write again, and the host reconnects by itself.");

            jdbc.update(ACTIVITY, Jdbc.now(), "after");
            assertThat(jdbc.query("SELECT message FROM activity_log ORDER BY id", rs -> rs.getString(1)))
                    .containsExactly("before", "after");
            assertThat(db.database().availability().problem()).isEmpty();
        }
    }

    @Test
    void readsAndWritesChangingNothingDoNotEndTheOutageAWriteDoes(@TempDir Path dir) {
        try (TestDatabase db = TestDatabases.h2File(dir)) {
            List<String> changes = new ArrayList<>();
            db.database().availability().onChange(changes::add);
            TestDatabases.closeUnderneath(db.database());

            // on a full disk the reopened file can be read but not written: only a write proves it works again
            assertThat(db.jdbc().queryLong("SELECT COUNT(*) FROM activity_log")).isZero();
            assertThat(db.jdbc().update("UPDATE activity_log SET username = 'y' WHERE id = -1")).isZero();
            assertThat(changes).hasSize(1);
            db.jdbc().inTransaction(() -> db.jdbc().update(ACTIVITY, Jdbc.now(), "x"));

            assertThat(changes).containsExactly("The database cannot be used (it was closed); requests "
                    + "are refused until it can write again, and the host reconnects by itself.", "");
        }
    }

    @Test
    void aFullDiskRefusesWritesUntilSpaceIsFreedThenWorksWithoutRestart(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        assumeTmpfs(disk);
        try {
            Path filler = Files.write(disk.resolve("filler"), new byte[1024 * 1024]);
            try (TestDatabase db = TestDatabases.h2File(disk)) {
                Jdbc jdbc = db.jdbc();
                String row = "x".repeat(3000);
                long written = 0;
                while (written < 10_000 && db.database().availability().problem().isEmpty()) {
                    try {
                        jdbc.update(ACTIVITY, Jdbc.now(), row);
                        written++;
                    } catch (DatabaseUnavailableException e) {
                        assertThat(e).hasMessage(DatabaseAvailability.REFUSAL);
                    }
                }
                assertThat(db.database().availability().problem()).isEqualTo("The database cannot be used (No space "
                        + "left on device); requests are refused until it can write again, and the host reconnects by "
                        + "itself.");
                assertThatThrownBy(() -> jdbc.update(ACTIVITY, Jdbc.now(), row))
                        .as("the disk is still full").isInstanceOf(DatabaseUnavailableException.class);

                Files.delete(filler);

                jdbc.update(ACTIVITY, Jdbc.now(), "after");
                assertThat(db.database().availability().problem()).isEmpty();
                assertThat(jdbc.queryLong("SELECT COUNT(*) FROM activity_log WHERE message = 'after'")).isEqualTo(1);
            }
        } finally {
            run("umount", disk.toString());
        }
    }

    /** A 3 MB tmpfs at {@code disk}: needs root (as on CI); skipped loudly elsewhere. */
    private static void assumeTmpfs(Path disk) throws IOException, InterruptedException {
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString()) == 0;
        if (!mounted) {
            System.err.println("*** the full-disk test needs to mount a tmpfs (root): SKIPPED");
        }
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs (not root?): the full-disk test is SKIPPED");
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
