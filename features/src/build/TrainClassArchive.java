import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build step of the features module, after the distribution is assembled: makes {@code lib/host-classes.jsa}, a
 * class data sharing archive (AppCDS) of what a demo host loads while it starts and serves its first pages.
 *
 * The distribution is started once, through its own {@code bin/billing-host} (so the archive fits the Java that
 * script runs), with the script's default JVM options plus {@code -XX:ArchiveClassesAtExit}; it is stopped
 * after its ready line, a few pages and a login, and the JVM writes the archive as it exits. Bundle classes are
 * archived too: the JVM takes an archived class when a bundle's class loader defines the same bytes. A host that
 * does not start fails the build; a JVM that writes no archive only costs the speed-up, so that is a warning.
 *
 * Arguments: distributionDir workDir
 */
public class TrainClassArchive {
    private static final String ARCHIVE = "lib/host-classes.jsa";
    private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^DEFAULT_JAVA_OPTS=\"([^\"]+)\"$");
    private static final Pattern READY = Pattern.compile("Billing host ready at (http://\\S+/)");
    private static final String[] PAGES = {"admin/login", "clientarea/services", "includes/api.php"};
    /** A demo client's login through the API: the password hash's classes are archived too. */
    private static final String LOGIN = "action=ValidateLogin&identifier=demo-api&secret=demo-api-secret"
            + "&email=demo%40example.com&password2=demo&responsetype=json";
    private static final long READY_TIMEOUT_SECONDS = 180;
    private static final int ATTEMPTS = 3;

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath().resolve("class-archive-training");
        Path archive = dist.resolve(ARCHIVE);
        Files.deleteIfExists(archive);
        deleteTree(data);
        Path script = dist.resolve("bin/billing-host");
        Matcher defaults = DEFAULT_OPTS.matcher(Files.readString(script));
        if (!defaults.find()) {
            throw new IllegalStateException(script + " has no DEFAULT_JAVA_OPTS line");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                train(script, defaults.group(1) + " -XX:ArchiveClassesAtExit=" + archive, data);
                break;
            } catch (IllegalStateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                // the free port found may have been taken by another process in the meantime
                System.out.println("[WARNING] " + e.getMessage().lines().findFirst().orElse("") + "; trying again");
                Files.deleteIfExists(archive);
                deleteTree(data);
            }
        }
        deleteTree(data);
        if (Files.isRegularFile(archive)) {
            System.out.println("Class data sharing archive " + archive + " (" + Files.size(archive) / (1024 * 1024)
                    + " MB)");
        } else {
            System.out.println("[WARNING] this Java wrote no class data sharing archive; the host starts without one");
        }
    }

    private static void train(Path script, String javaOptions, Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--demo", "--data", data.toString(),
                "--port", Integer.toString(freePort())).redirectErrorStream(true);
        builder.environment().put("BILLING_HOST_JAVA_OPTS", javaOptions);
        Process host = builder.start();
        try {
            String baseUrl = awaitReady(host);
            HttpClient http = HttpClient.newHttpClient();
            for (String page : PAGES) {
                http.send(HttpRequest.newBuilder(URI.create(baseUrl + page)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            http.send(HttpRequest.newBuilder(URI.create(baseUrl + "includes/api.php"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(LOGIN)).build(), HttpResponse.BodyHandlers.discarding());
        } finally {
            host.destroy(); // SIGTERM: the host stops cleanly and the JVM writes the archive on its way out
            if (!host.waitFor(120, TimeUnit.SECONDS)) {
                host.destroyForcibly();
            }
        }
    }

    private static String awaitReady(Process host) throws Exception {
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuffer output = new StringBuffer(); // read by the main thread when the host fails
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process went away; the timeout below reports it
            }
            ready.completeExceptionally(new IllegalStateException("the host exited before its ready line"));
        }, "class-archive-training-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The demo host started to make the class archive did not get ready: "
                    + e.getMessage() + "\n" + output, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }
}
