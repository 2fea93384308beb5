package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.itests.support.Eventually;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The launcher as an operator runs it behind a load balancer: 503 "starting" until the ready line, the health
 * endpoints, {@code --version}, the admin commands on the host's H2 database, and the metrics a scraper reads.
 */
public class OperatingIT {
    private static final String READY_LINE = "Billing host ready at ";
    private static final Duration START = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 50;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    @Test
    public void nothingAnswersButStartingUntilTheReadyLineThenTheHealthCheckSaysReady() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path output = tmp.newFile("output.txt").toPath();
        int port = HostProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        Process host = new ProcessBuilder(launcher(), "--port", String.valueOf(port), "--data", data.toString(), "--demo")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            List<String> seen = new ArrayList<>();
            HttpResponse<String> startingPage = null;
            HttpResponse<String> startingApi = null;
            long deadline = System.nanoTime() + START.toNanos();
            while (true) {
                assertThat(host.isAlive()).as("the host exited: " + Files.readString(output)).isTrue();
                assertThat(System.nanoTime()).as("ready in time: " + Files.readString(output)).isLessThan(deadline);
                HttpResponse<String> ready = get(base + "/health/ready");
                HttpResponse<String> page = get(base + "/admin/login");
                HttpResponse<String> api = post(base + "/includes/api.php", "action=GetClients&identifier=demo-api"
                        + "&secret=demo-api-secret&responsetype=json");
                // read after the answers: the launcher writes the line out before it lets anything through
                boolean linePrinted = Files.readString(output).contains(READY_LINE);
                int readyStatus = status(ready);
                seen.add(readyStatus + "/" + status(page) + "/" + status(api));
                if (!linePrinted) {
                    // Jetty opens the port a moment before its whiteboard (and so the gate) serves: 404 then, never 200
                    boolean gateUp = startingPage != null || startingApi != null;
                    assertThat(List.of(readyStatus, status(page), status(api))).as("before the ready line: " + seen)
                            .allMatch(s -> s == 0 || s == 503 || s == 404 && !gateUp);
                    startingPage = status(page) == 503 ? page : startingPage;
                    startingApi = status(api) == 503 ? api : startingApi;
                }
                if (readyStatus == 200) {
                    assertThat(linePrinted).as("200 only after the ready line: " + seen).isTrue();
                    assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
                    break;
                }
                Thread.sleep(POLL_MILLIS); // a poll interval, not a timed assertion: the loop ends on a condition
            }
            assertThat(startingPage).as("a page answered while starting: " + seen).isNotNull();
            assertThat(startingPage.body()).isEqualTo("starting\n");
            assertThat(startingPage.headers().firstValue("Retry-After")).contains("5");
            assertThat(startingApi).as("the API answered while starting: " + seen).isNotNull();
            assertThat(startingApi.body()).isEqualTo("{\"result\":\"error\",\"message\":\"starting\"}");
            assertThat(startingApi.headers().firstValue("Retry-After")).contains("5");

            assertThat(status(get(base + "/admin/login"))).isEqualTo(200);
            assertThat(post(base + "/includes/api.php", "action=GetClients&identifier=demo-api"
                    + "&secret=demo-api-secret&responsetype=json").body()).contains("\"result\":\"success\"");
            HttpResponse<String> live = get(base + "/health/live");
            assertThat(status(live)).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
            assertThat(Files.readString(output)).contains(" data " + data + ", conf ", ", log "
                    + data.resolve("logs/billing-host.log"));

            String pageId = get(base + "/admin/login").headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(pageId).matches("[0-9a-f]{16}");
            Eventually.await(Duration.ofSeconds(10), "the access log line of " + pageId,
                    () -> contains(data.resolve("logs/access.log"), " " + pageId + " GET /admin/login 200 "));
            HttpResponse<String> forged = post(base + "/admin/login", "username=admin&password=x");
            assertThat(status(forged)).isEqualTo(403);
            String forgedId = forged.headers().firstValue("X-Request-Id").orElseThrow();
            Eventually.await(Duration.ofSeconds(10), "the application log line of " + forgedId,
                    () -> contains(data.resolve("logs/billing-host.log"),
                            "[" + forgedId + "] - Refused a POST without a valid form token"));
        } finally {
            host.destroy();
            host.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    public void theVersionIsPrinted() throws Exception {
        Result result = run(launcher(), "--version");
        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.output().strip()).isEqualTo("billing-host " + System.getProperty("project.version"));
    }

    @Test
    public void aLostAdminPasswordIsResetOnTheH2DatabaseOnceTheHostIsStopped() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path passwordFile = Files.writeString(tmp.newFile("new-password").toPath(), "a-new-admin-password\n");
        try (HostProcess host = HostProcess.options(data).start()) {
            Result whileRunning = run(launcher(), "admin", "reset-password", "admin", "--data", data.toString());
            assertThat(whileRunning.exitCode()).as(whileRunning.output()).isEqualTo(1);
            assertThat(whileRunning.output().strip()).isEqualTo("The H2 database in " + data.resolve("db")
                    + " is in use by the running host: stop the host first (only PostgreSQL and MariaDB databases "
                    + "can be changed while it runs).");
        }

        Result reset = run(launcher(), "admin", "reset-password", "admin", "--password-file", passwordFile.toString(),
                "--data", data.toString());
        assertThat(reset.exitCode()).as(reset.output()).isEqualTo(0);
        assertThat(reset.output().strip()).isEqualTo("The password of 'admin' was changed.");
        Result unlock = run(launcher(), "admin", "unlock", "admin", "--data", data.toString());
        assertThat(unlock.output().strip()).isEqualTo("Admin 'admin' is enabled and may log in (it was not disabled).");

        try (HostProcess host = HostProcess.options(data).start()) {
            AdminSession admin = AdminSession.login(host, "admin", "a-new-admin-password");
            assertThat(admin.get("admin/systemactivitylog").body())
                    .contains("Admin password reset from the command line: admin")
                    .contains("Admin unlocked from the command line: admin");
        }
    }

    @Test
    public void aBackupOfTheRunningHostRestoresEverythingItHeld() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        Path backup = tmp.getRoot().toPath().resolve("billing-backup.zip");
        String email = "kept-" + System.nanoTime() + "@example.com";
        long clientId;
        try (HostProcess host = HostProcess.options(data).demo().start()) {
            clientId = ApiClient.demo(host).addClient("Kept", "Client", email);

            Result taken = run(launcher(), "backup", backup.toString(), "--data", data.toString());
            assertThat(taken.exitCode()).as(taken.output()).isEqualTo(0);
            assertThat(taken.output().strip()).isEqualTo("Backed up the running host's database to " + backup + ".");
            Result again = run(launcher(), "backup", backup.toString(), "--data", data.toString());
            assertThat(again.output().strip()).isEqualTo(backup + " exists already; choose a new file name.");
        }
        Path stoppedBackup = tmp.getRoot().toPath().resolve("stopped-backup.zip");
        Result offline = run(launcher(), "backup", stoppedBackup.toString(), "--data", data.toString());
        assertThat(offline.output().strip()).isEqualTo("Backed up the database in " + data.resolve("db") + " to "
                + stoppedBackup + ".");
        assertThat(zipEntries(stoppedBackup)).containsExactly("billing.mv.db");

        // the documented restore: an empty data directory, the backup unpacked into its db/ folder
        Path restored = tmp.newFolder("restored").toPath();
        unzip(backup, Files.createDirectories(restored.resolve("db")));
        Path conf = Files.createDirectories(tmp.getRoot().toPath().resolve("etc"));
        for (String file : List.of("logback.xml", "org.billinghost.core.jobs.cfg")) {
            Files.copy(DistributionBundles.distribution().resolve("conf").resolve(file), conf.resolve(file));
        }
        // no --demo: the demo credential and the client come from the backup, not from seeding
        try (HostProcess host = HostProcess.options(restored).conf(conf).start()) {
            assertThat(ApiClient.demo(host).call("GetClientsDetails", java.util.Map.of("clientid", clientId))
                    .path("email").asText()).isEqualTo(email);
            assertThat(host.output()).contains(", conf " + conf + ", ");
        }
    }

    @Test
    public void metricsShowTheOrderItsProvisioningAndTheApiCallsToTheBearerOfTheToken() throws Exception {
        String token = "metrics-it-" + System.nanoTime();
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo()
                .config("org.billinghost.metrics", java.util.Map.of("bearerTokenSha256", digest)).start()) {
            ApiClient api = ApiClient.demo(host);
            long productId = JetpackCatalog.installDemo(host, "order").productId("Personal");
            long clientId = api.addClient("Metered", "Client", "metrics-" + System.nanoTime() + "@example.com");
            long serviceId = Long.parseLong(api.addOrder(clientId, productId,
                    java.util.Map.of("Site URL", "https://metered.example.com/", "Local User", "admin"))
                    .path("serviceids").asText());
            Eventually.await(Duration.ofSeconds(60), "service " + serviceId + " Active",
                    () -> "Active".equals(api.serviceStatus(serviceId)));

            URI scrape = URI.create(host.baseUrl()).resolve("/metrics");
            String metrics = send(HttpRequest.newBuilder(scrape)
                    .header("Authorization", "Bearer " + token)).body();
            assertThat(sample(metrics, "billing_module_commands_total",
                    "command=\"Create\",module=\"jetpack\",outcome=\"success\"")).isEqualTo(1.0);
            assertThat(sample(metrics, "billing_api_requests_seconds_count",
                    "action=\"AddOrder\",result=\"success\"")).isEqualTo(1.0);
            assertThat(metrics).contains("jvm_memory_used_bytes");

            assertThat(status(send(HttpRequest.newBuilder(scrape)))).isEqualTo(401);
            assertThat(status(send(HttpRequest.newBuilder(scrape)
                    .header("Authorization", "Bearer " + token + "x")))).isEqualTo(401);
        }
    }

    /** The value of one sample of the Prometheus text format, by metric name and its labels as written. */
    private static double sample(String exposition, String name, String labels) {
        String prefix = name + "{" + labels + "} ";
        return exposition.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).split(" ")[0]))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + prefix + " in\n" + exposition));
    }

    private static List<String> zipEntries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).isTrue();
                Files.copy(in, target);
            }
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.isRegularFile(file) && Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String launcher() {
        return DistributionBundles.distribution().resolve("bin/billing-host").toString();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not exit: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** The answer, or null when nothing listens yet. */
    private HttpResponse<String> get(String url) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> post(String url, String form) throws InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? 0 : response.statusCode();
    }
}
