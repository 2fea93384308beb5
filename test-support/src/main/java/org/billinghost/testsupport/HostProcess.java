package org.billinghost.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real billing host, started from the built distribution as a child process
 * ({@code bin/billing-host}); what it prints is kept and copied to {@code <data>/host-output.txt}.
 * The distribution is {@code -Dbilling.dist=DIR} or {@code features/target/billing-host} found
 * above the working directory.
 */
public final class HostProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Billing host ready at (http://\\S+/) \\((\\d+) bundles active\\)");

    private final Process process;
    private final Options options;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
    private final long startNanos;
    private volatile long readyNanos;

    private HostProcess(Options options) throws IOException {
        this.options = options;
        // before the command names the distribution: the first start too must run the copy with these settings
        if (!options.distConfigurations.isEmpty()) {
            options.distribution = privateCopy(options.distribution, options.dataDir.resolveSibling(
                    options.dataDir.getFileName() + "-dist"));
            writeConfigurations(options.distribution.resolve("conf"), options.distConfigurations);
        }
        List<String> command = new ArrayList<>(List.of(options.distribution.resolve("bin/billing-host").toString(),
                "--port", String.valueOf(options.port), "--data", options.dataDir.toString()));
        if (options.modulesDir != null) {
            command.addAll(List.of("--modules", options.modulesDir.toString()));
        }
        if (options.confDir != null) {
            command.addAll(List.of("--conf", options.confDir.toString()));
        }
        if (options.demo) {
            command.add("--demo");
        }
        if (options.dbUrl != null) {
            command.addAll(List.of("--db-url", options.dbUrl));
            if (options.dbUser != null) {
                command.addAll(List.of("--db-user", options.dbUser));
            }
            if (options.dbPassword != null) {
                Path file = options.dataDir.resolveSibling(options.dataDir.getFileName() + ".dbpass");
                Files.writeString(file, options.dbPassword);
                command.addAll(List.of("--db-password-file", file.toString()));
            }
        }
        if (options.partnerApiUrl != null) {
            command.addAll(List.of("--partner-api-url", options.partnerApiUrl));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (options.javaOptions != null) {
            builder.environment().put("BILLING_HOST_JAVA_OPTS", options.javaOptions);
        }
        Files.createDirectories(options.dataDir.resolve("conf"));
        writeConfigurations(options.dataDir.resolve("conf"), options.configurations);
        startNanos = System.nanoTime();
        process = builder.start();
        Thread reader = new Thread(this::pump, "host-output-" + options.port);
        reader.setDaemon(true);
        reader.start();
    }

    private static void writeConfigurations(Path dir, Map<String, Map<String, String>> configurations)
            throws IOException {
        for (Map.Entry<String, Map<String, String>> pid : configurations.entrySet()) {
            StringBuilder text = new StringBuilder();
            pid.getValue().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(dir.resolve(pid.getKey() + ".cfg"), text);
        }
    }

    /**
     * A distribution of the host's own: {@code bin/}, {@code conf/} and {@code modules/} copied (so its
     * configuration and modules can differ), the bundles linked.
     */
    private static Path privateCopy(Path distribution, Path copy) throws IOException {
        for (String dir : List.of("bin", "conf", "modules")) {
            Path target = copy.resolve(dir);
            Files.createDirectories(target);
            try (var files = Files.list(distribution.resolve(dir))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName().toString()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        for (String dir : List.of("lib", "system", "demo")) {
            if (Files.notExists(copy.resolve(dir))) {
                Files.createSymbolicLink(copy.resolve(dir), distribution.resolve(dir));
            }
        }
        return copy;
    }

    /** Options for a host; {@link #start()} launches it and waits for its ready line. */
    public static Options options(Path dataDir) {
        return new Options(dataDir);
    }

    private void pump() {
        Path copy = options.dataDir.resolve("host-output.txt");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = READY.matcher(line);
                if (m.find() && !ready.isDone()) {
                    readyNanos = System.nanoTime();
                    ready.complete(m);
                }
            }
        } catch (IOException e) {
            // the process ended; waitReady reports what it printed
        } finally {
            ready.completeExceptionally(new IllegalStateException("the host exited before it was ready"));
        }
    }

    private HostProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            awaitStartupGate(deadline);
            return this;
        } catch (TimeoutException e) {
            kill();
            throw new IllegalStateException("host not ready within " + timeout + "; output:\n" + output());
        } catch (Exception e) {
            throw new IllegalStateException("host failed to start (exit " + exitCode() + "); output:\n" + output());
        }
    }

    /**
     * The launcher opens its start-up gate a moment after it prints the ready line (so that nothing is served
     * before the line): a request sent at once on seeing the line could still be answered 503 "starting".
     */
    private void awaitStartupGate(long deadline) throws InterruptedException, TimeoutException {
        HttpClient client = Http.client(null);
        HttpRequest probe = Http.request(baseUrl() + "health/ready").build();
        while (Http.send(client, probe).body().contains("\"reason\":\"starting\"")) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException();
            }
            Thread.sleep(10); // a poll interval: the loop ends on the condition
        }
    }

    private Integer exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code http://127.0.0.1:PORT/} as printed by the ready line. */
    public String baseUrl() {
        return "http://127.0.0.1:" + options.port + "/";
    }

    public Path dataDir() {
        return options.dataDir;
    }

    /** The host's log file, {@code <data>/logs/billing-host.log} (the distribution's {@code conf/logback.xml}). */
    public Path logFile() {
        return options.dataDir.resolve("logs/billing-host.log");
    }

    public long pid() {
        return process.pid();
    }

    /** Process start to ready line. */
    public Duration startupTime() {
        return Duration.ofNanos(readyNanos - startNanos);
    }

    /** Time since the process was launched. */
    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Everything the host printed so far. */
    public String output() {
        return String.join("\n", lines);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident set size of the host's JVM in kilobytes (Linux {@code /proc}). */
    public long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for pid " + pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM and wait for a clean exit; answers the exit code. */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** The built distribution: {@code -Dbilling.dist} or {@code features/target/billing-host} above the working directory. */
    public static Path distribution() {
        String configured = System.getProperty("billing.dist");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("features/target/billing-host");
            if (Files.isExecutable(candidate.resolve("bin/billing-host"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no built distribution found: run 'mvn -B install -DskipTests' first "
                + "or pass -Dbilling.dist=DIR");
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How to start a host. */
    public static final class Options {
        private final Path dataDir;
        private Path distribution = HostProcess.distribution();
        private Path modulesDir;
        private Path confDir;
        private final int port = freePort();
        private boolean demo;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private String partnerApiUrl;
        private final Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> distConfigurations = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(90);
        private String javaOptions;

        private Options(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir).toAbsolutePath();
        }

        public Options demo() {
            demo = true;
            return this;
        }

        public Options modules(Path dir) {
            modulesDir = dir.toAbsolutePath();
            return this;
        }

        /** The administrator's configuration folder outside the distribution ({@code --conf}). */
        public Options conf(Path dir) {
            confDir = dir.toAbsolutePath();
            return this;
        }

        public Options database(String url, String user, String password) {
            dbUrl = url;
            dbUser = user;
            dbPassword = password;
            return this;
        }

        /** Points the Jetpack Partner API client at {@code url} (e.g. another host's sandbox). */
        public Options partnerApiUrl(String url) {
            partnerApiUrl = url;
            return this;
        }

        /** Writes {@code <data>/conf/<pid>.cfg} before the start (the launcher's FileInstall reads it). */
        public Options config(String pid, Map<String, String> values) {
            configurations.put(pid, Map.copyOf(values));
            return this;
        }

        /**
         * Writes {@code conf/<pid>.cfg} into a private copy of the distribution (the administrator's
         * configuration files), for settings the launcher merges, such as the Partner API client's timeouts.
         */
        public Options distConfig(String pid, Map<String, String> values) {
            distConfigurations.put(pid, Map.copyOf(values));
            return this;
        }

        /** The JVM options ({@code BILLING_HOST_JAVA_OPTS}), in place of the launcher script's defaults. */
        public Options javaOptions(String value) {
            javaOptions = value;
            return this;
        }

        public Options timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Options distribution(Path dir) {
            distribution = dir.toAbsolutePath();
            return this;
        }

        /** Launches the host and waits for its ready line; the host is stopped if it does not get ready. */
        public HostProcess start() {
            try {
                return new HostProcess(this).awaitReady(timeout);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + distribution.resolve("bin/billing-host"), e);
            }
        }
    }
}
