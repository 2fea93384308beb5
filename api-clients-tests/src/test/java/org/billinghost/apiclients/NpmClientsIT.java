package org.billinghost.apiclients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.billinghost.testsupport.HostProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17, item 7: WHMCS API clients published on npm ({@code whmcs} 1.2.2, {@code whmcs-js} 2.0.1, pinned by
 * {@code src/test/node/package-lock.json}) drive a real host started from the distribution in demo mode through
 * {@code src/test/node/flow.js}: product, client, order, acceptance, payment, the read-backs and paging. The packages
 * are installed with {@code npm ci} into {@code target/npm}. Without node or npm the test skips with a banner, except
 * with {@code CI=true}, where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NpmClientsIT {

    /** The demo seeds one product group, Jetpack, before anything else: the flows add their plans to it. */
    private static final String DEMO_GROUP_ID = "1";

    private Path work;
    private HostProcess host;

    @BeforeAll
    void installClientsAndStartHost() throws Exception {
        requireNode();
        work = Path.of(System.getProperty("npm.work", "target/npm")).toAbsolutePath();
        Path sources = Path.of(System.getProperty("npm.sources", "src/test/node")).toAbsolutePath();
        Files.createDirectories(work);
        for (String file : List.of("package.json", "package-lock.json", "flow.js")) {
            Files.copy(sources.resolve(file), work.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // the lock file pins every package; no install scripts run
        Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 300);
        assertThat(install.exit()).as("npm ci failed:\n%s", install.output()).isZero();
        host = HostProcess.options(work.resolve("host-" + System.nanoTime())).demo().start();
    }

    @AfterAll
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"whmcs", "whmcs-js"})
    void customerFlowPassesWithTheClient(String client) throws Exception {
        Run flow = run(List.of("node", "flow.js", client, host.baseUrl() + "includes/api.php", "demo-api",
                "demo-api-secret", DEMO_GROUP_ID), 120);
        System.out.println("--- " + client + " ---\n" + flow.output());
        assertThat(flow.exit()).as("the %s flow failed:\n%s", client, flow.output()).isZero();
        assertThat(flow.output()).endsWith("flow passed with " + client);
    }

    private static void requireNode() throws InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node", "npm")) {
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    missing.add(tool);
                }
            } catch (IOException e) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String what = String.join(" and ", missing) + " not found (apt-get install -y nodejs npm)";
        if ("true".equals(System.getenv("CI"))) {
            // .ci/run installs them: their absence is a broken machine, not a reason to test less
            throw new IllegalStateException("CI=true but " + what);
        }
        System.err.println("\n**********\n* SKIPPED: " + what + "; the npm WHMCS clients did not run.\n**********\n");
        Assumptions.abort(what);
    }

    private record Run(int exit, String output) {
    }

    /** Runs a command in the npm work directory; its output goes through a file, so no reader thread is needed. */
    private Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run-", ".txt");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            return new Run(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(stopped after " + timeoutSeconds
                    + " s)");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8).strip());
    }
}
