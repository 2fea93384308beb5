package org.billinghost.itests.karaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.itests.support.Eventually.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Apache Karaf check: on a stock Apache Karaf 4.4 (the minimal distribution, unpacked from the Maven
 * repository, nothing fetched at run time: the features' bundles come from features/target/repository),
 * {@code feature:repo-add} of the built features.xml and {@code feature:install jetpack jetpack-sandbox}
 * resolve and start every bundle, and the host then answers HTTP on Karaf. The commands are run through
 * Karaf's own {@code bin/client} over SSH, as an administrator would type them.
 */
public class KarafFeaturesIT {
    private static final Duration KARAF = Duration.ofSeconds(120);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    private Path home;
    private Process karaf;
    private int sshPort;
    private int httpPort;

    @Before
    public void startKaraf() throws Exception {
        home = unpack(Path.of(System.getProperty("karaf.tar.gz")), tmp.newFolder("karaf").toPath());
        sshPort = freePort();
        httpPort = freePort();
        Path data = tmp.newFolder("billing-data").toPath();
        replace(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + sshPort);
        replace(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshHost = 0.0.0.0", "sshHost = 127.0.0.1");
        append(home.resolve("etc/users.properties"), "karaf = karaf,_g_:admingroup",
                "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
        // the features' bundles come from the build's staging repository, never from the network
        replace(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.defaultRepositories=\\",
                "org.ops4j.pax.url.mvn.defaultRepositories=" + Path.of(System.getProperty("features.repository")).toUri()
                        + "@id=billinghost@snapshots, \\");
        append(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.offline=true");
        // the launcher's framework properties, as system properties (BundleContext.getProperty falls back to them)
        append(home.resolve("etc/system.properties"), "billing.data.dir=" + data, "billing.demo=true",
                "billing.http.port=" + httpPort, "billing.http.bind=127.0.0.1", "billing.db.url=",
                "org.osgi.service.http.port=" + httpPort, "org.apache.felix.http.host=127.0.0.1");
        ProcessBuilder server = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("karaf-console.log").toFile());
        server.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        karaf = server.start();
    }

    @After
    public void stopKaraf() throws Exception {
        if (karaf == null) {
            return;
        }
        // bin/karaf runs Java as its child: stopping the script alone left Karaf's JVM running after the build
        List<ProcessHandle> tree = new ArrayList<>(karaf.descendants().toList());
        tree.add(karaf.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                p.destroyForcibly();
                p.onExit().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    public void repoAddAndInstallJetpackStartEveryBundleAndTheHostAnswers() throws Exception {
        URI features = Path.of(System.getProperty("features.xml")).toUri();
        String added = client("feature:repo-add " + features);
        assertThat(added).as("feature:repo-add").doesNotContainIgnoringCase("error");
        await(KARAF, "features of " + features + " listed by feature:list; karaf.log ends:\n" + logTail(),
                () -> call("feature:list -o").contains("jetpack-sandbox"));

        String installed = client("feature:install jetpack jetpack-sandbox");
        assertThat(installed).as("feature:install jetpack jetpack-sandbox; karaf.log ends:\n" + logTail())
                .doesNotContainIgnoringCase("error");

        // feature:install refreshes the bundles whose wiring changed: wait for them to be active again
        List<String> notActive;
        long deadline = System.nanoTime() + KARAF.toNanos();
        do {
            notActive = bundlesNotActive();
        } while (!notActive.isEmpty() && System.nanoTime() < deadline && pause());
        for (int i = 0; i < notActive.size(); i++) {
            String id = notActive.get(i).split("\t")[0].strip();
            notActive.set(i, notActive.get(i).strip() + "\n      " + client("bundle:diag " + id).strip());
        }
        assertThat(notActive).as("bundles not active on Karaf").isEmpty();
        String bundles = client("bundle:list -s -t 0 --no-format");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        await(KARAF, "the host on Karaf serves /admin/login", () -> status(http, "admin/login") == 200);
        HttpResponse<String> products = http.send(HttpRequest.newBuilder(URI.create(base() + "includes/api.php"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=GetProducts&identifier=demo-api&secret=demo-api-secret&responsetype=json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(products.body()).contains("\"result\":\"success\"");
        assertThat(bundles).contains("org.billinghost.host-core", "org.billinghost.jetpack-server-bundle",
                "org.billinghost.jetpack-addon-bundle", "org.billinghost.jetpack-partner-sandbox");
    }

    /** Lines of {@code bundle:list} (ID, State, Level, Version, Symbolic name) not Active, fragments aside. */
    private List<String> bundlesNotActive() throws IOException, InterruptedException {
        // fragments are listed with "Hosts:" after their name; they stay Resolved
        List<String> fragments = client("bundle:list -t 0 --no-format").lines().filter(l -> l.contains("Hosts:"))
                .map(l -> l.split("\t")[0].strip()).toList();
        List<String> result = new ArrayList<>();
        for (String line : client("bundle:list -s -t 0 --no-format").lines().toList()) {
            String[] columns = line.split("\t");
            if (columns.length >= 5 && columns[0].strip().matches("\\d+") && !columns[1].strip().equals("Active")
                    && !fragments.contains(columns[0].strip())) {
                result.add(line);
            }
        }
        return result;
    }

    private static boolean pause() {
        try {
            Thread.sleep(2000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs one console command through Karaf's SSH client (retrying until the console is up). */
    private String client(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort), "-h",
                "127.0.0.1", "-u", "karaf", "-p", "karaf", "-r", "60", "-d", "2", command).directory(home.toFile())
                .redirectErrorStream(true);
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(KARAF.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Karaf client did not finish: " + command + "\n" + out);
        }
        return out;
    }

    /** {@link #client} for conditions polled by {@code await}. */
    private String call(String command) {
        try {
            return client(command);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("data/log/karaf.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no karaf.log: " + e.getMessage() + ")";
        }
    }

    private int status(HttpClient http, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String base() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    private static Path unpack(Path tarGz, Path into) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "xzf", tarGz.toString(), "-C", into.toString()).inheritIO().start();
        assertThat(tar.waitFor()).as("tar xzf " + tarGz).isZero();
        try (var dirs = Files.list(into)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file + " has " + from).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void append(Path file, String... lines) throws IOException {
        Files.writeString(file, "\n" + String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
