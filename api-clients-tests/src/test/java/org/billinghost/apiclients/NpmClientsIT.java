package org.billinghost.apiclients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 * are installed with {@code npm ci} into {@code target/npm}. A second host allows only another address, so the
 * clients get in with the access key ({@code accesskey}) alone. Without node or npm the test skips with a banner, except
 * with {@code CI=true}, where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NpmClientsIT {

    /** The demo seeds one product group, Jetpack, before anything else: the flows add their plans to it. */
    private static final String DEMO_GROUP_ID = "1";

    private static final String ACCESS_KEY = "an access key for the npm clients";

    private Path work;
    private HostProcess host;
    /** A host whose API allows only 192.0.2.7, started by the first test that needs it. */
    private HostProcess restricted;

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
        for (HostProcess h : new HostProcess[] {host, restricted}) {
            if (h != null) {
                h.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"whmcs", "whmcs-js"})
    void customerFlowPassesWithTheClient(String client) throws Exception {
        flow(client, host, List.of());
    }

    /**
     * The API's address restriction through FileInstall, Configuration Admin and the API bundle: from an address
     * outside the allow-list the clients get in with the access key only.
     */
    @ParameterizedTest
    @ValueSource(strings = {"whmcs", "whmcs-js"})
    void behindTheAllowListTheClientsGetInWithTheAccessKey(String client) throws Exception {
        if (restricted == null) {
            restricted = HostProcess.options(work.resolve("restricted-" + System.nanoTime())).demo()
                    .config("org.billinghost.httpapi.security", Map.of("allowedIps", "192.0.2.7",
                            "accessKeyHash", sha256(ACCESS_KEY)))
                    .start();
        }
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(restricted.baseUrl() + "includes/api.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=GetClients&identifier=demo-api&secret=demo-api-secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"result\":\"error\",\"message\":\"Invalid IP 127.0.0.1\"}");

        flow(client, restricted, List.of(ACCESS_KEY));
    }

    private void flow(String client, HostProcess on, List<String> more) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "flow.js", client, on.baseUrl() + "includes/api.php",
                "demo-api", "demo-api-secret", DEMO_GROUP_ID));
        command.addAll(more);
        Run flow = run(command, 120);
        System.out.println("--- " + client + " ---\n" + flow.output());
        assertThat(flow.exit()).as("the %s flow failed:\n%s", client, flow.output()).isZero();
        assertThat(flow.output()).endsWith("flow passed with " + client);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
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
