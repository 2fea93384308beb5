package org.billinghost.core.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
            runUntilKilled(base, failures);
        }
        try (Database database = Database.open(new DatabaseSettings(DatabaseSettings.h2File(base), "", ""))) {
            new MigrationRunner(database).migrate(); // as the host starts
            for (int i = 0; i < ORDERS_AFTER_KILL; i++) {
                try {
                    CrashingOrderWriter.writeOrder(database.jdbc());
                } catch (DataAccessException e) {
                    failures.add("after the last kill: " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Starts the writer and kills it (destroyForcibly: SIGKILL on Linux) once it has committed {@link #COMMITS_BEFORE_KILL} orders,
     * adding the orders it reported refused to {@code failures}.
     */
    private static void runUntilKilled(Path base, List<String> failures) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashingOrderWriter.class.getName(), base.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("failed: ")) {
                    failures.add(line);
                } else if (line.startsWith("commits ") && Long.parseLong(line.substring(8)) >= COMMITS_BEFORE_KILL) {
                    break;
                }
            }
            assertThat(line).as("the writer stopped before it was killed").isNotNull();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }
}
