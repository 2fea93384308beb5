package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.io.OutputStream;
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
 * refused as temporarily unavailable, and the pool reconnects by itself (on a full disk once it has space again):
 * the next calls work without a restart.
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
    void aFullDiskIsRefusedWithoutReopeningTheFileUntilItHasSpaceThenWorksWithoutRestart(@TempDir Path dir)
            throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        assumeTmpfs(disk);
        try (TestDatabase db = TestDatabases.h2File(disk)) {
            Jdbc jdbc = db.jdbc();
            Path filler = fill(disk.resolve("filler"));
            String row = "x".repeat(3000);
            for (int i = 0; i < 10_000 && db.database().availability().problem().isEmpty(); i++) {
                try {
                    jdbc.update(ACTIVITY, Jdbc.now(), row);
                } catch (DatabaseUnavailableException e) {
                    assertThat(e).hasMessage(DatabaseAvailability.REFUSAL);
                }
            }
            assertThat(db.database().availability().problem()).isEqualTo("The database cannot be used (No space left "
                    + "on device); requests are refused until it can write again, and the host reconnects by itself.");

            assertThatThrownBy(() -> jdbc.queryLong("SELECT COUNT(*) FROM activity_log"))
                    .as("reads too, while the disk is full").isInstanceOf(DatabaseUnavailableException.class);
            assertThat(pool(db).getTotalConnections()).as("no connection: the file is not opened again").isZero();

            Files.delete(filler);

            jdbc.update(ACTIVITY, Jdbc.now(), "after");
            assertThat(db.database().availability().problem()).isEmpty();
            assertThat(jdbc.queryLong("SELECT COUNT(*) FROM activity_log WHERE message = 'after'")).isEqualTo(1);
        } finally {
            run("umount", disk.toString());
        }
    }

    /** Writes {@code file} until the disk is full. */
    private static Path fill(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[64 * 1024];
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!"No space left on device".equals(e.getMessage())) {
                throw e;
            }
        }
        return file;
    }

    private static HikariPoolMXBean pool(TestDatabase db) {
        return ((HikariDataSource) db.database().dataSource()).getHikariPoolMXBean();
    }

    /** A tmpfs at {@code disk} with room for the database and the free space it waits for: needs root (as on CI). */
    private static void assumeTmpfs(Path disk) throws IOException, InterruptedException {
        long megabytes = DatabaseAvailability.MIN_FREE_BYTES / (1024 * 1024) + 8;
        boolean mounted = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", disk.toString()) == 0;
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
