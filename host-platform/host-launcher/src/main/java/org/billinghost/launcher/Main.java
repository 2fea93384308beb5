package org.billinghost.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

import sun.misc.Signal;

/**
 * {@code billing-host}: starts the OSGi billing host and keeps it running until SIGTERM or Ctrl-C.
 * Exit codes: 0 after a clean stop or {@code --help}, 1 when the host cannot start, 2 for bad flags.
 */
public final class Main {
    private static final long STOP_TIMEOUT_MILLIS = 30_000;
    private static final long DEFAULT_READY_TIMEOUT_SECONDS = 120;

    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Lets the launcher's own readiness probe past the start-up gate; new at every start, never printed. */
    private final String startupProbeToken = newToken();
    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(List.of(args)));
    }

    private int run(List<String> args) {
        if (!args.isEmpty() && args.get(0).equals("admin")) {
            return admin(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equals("backup")) {
            return backup(args.subList(1, args.size()));
        }
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (StartupException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println(LauncherOptions.USAGE);
            return 0;
        }
        if (options.version()) {
            out.println("billing-host " + version());
            return 0;
        }
        HostRuntime runtime = null;
        try {
            Distribution distribution = Distribution.locate();
            Preflight.check(options);
            runtime = startHost(options, distribution);
            HostRuntime started = runtime;
            Signal.handle(new Signal("TERM"), signal -> stopAsync(started));
            Signal.handle(new Signal("INT"), signal -> stopAsync(started));
            awaitReady(options, distribution, runtime);
            new ModuleWatch(runtime, FrameworkSettings.modulesDir(options, distribution), err).start();
            out.println("Billing host ready at http://" + options.bind() + ":" + options.port() + "/ ("
                    + runtime.activeBundleCount() + " bundles active) data " + options.dataDir() + ", conf "
                    + FrameworkSettings.confDir(options, distribution) + ", modules "
                    + FrameworkSettings.modulesDir(options, distribution)
                    + ", log " + options.dataDir().resolve("logs").resolve("billing-host.log"));
            out.flush();
            // only now: a page that answers before the ready line was printed would contradict it
            runtime.openStartupGate();
            if (options.dbUrl().isEmpty()) {
                serveBackups(runtime, options);
            }
            runtime.awaitStop();
            return 0;
        } catch (StartupException e) {
            if (stopping.get()) {
                return 0; // asked to stop while starting: not a failure
            }
            if (runtime != null) {
                runtime.stop(STOP_TIMEOUT_MILLIS);
            }
            err.println(e.getMessage());
            if (Boolean.getBoolean("billing.debug") && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return 1;
        } catch (IllegalStateException e) {
            if (stopping.get()) {
                return 0; // the framework stopped under the readiness watch
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private HostRuntime startHost(LauncherOptions options, Distribution distribution) throws StartupException {
        Path generatedConf = options.dataDir().resolve("conf");
        FrameworkSettings.writeGeneratedConfig(options, distribution, generatedConf);
        Map<String, String> properties = FrameworkSettings.build(options, distribution, generatedConf);
        properties.put(FrameworkSettings.STARTUP_PROBE_TOKEN, startupProbeToken);
        configureLogging(options, distribution);
        List<Path> bundles = new ArrayList<>(distribution.systemBundles());
        if (options.demo()) {
            bundles.addAll(demoBundles(distribution));
        }
        return HostRuntime.start(properties, bundles);
    }

    private void awaitReady(LauncherOptions options, Distribution distribution, HostRuntime runtime)
            throws StartupException {
        long timeoutSeconds = Long.getLong("billing.ready.timeout.seconds", DEFAULT_READY_TIMEOUT_SECONDS);
        ReadinessWatch watch = new ReadinessWatch(runtime.context(), timeoutSeconds * 1000);
        List<Bundle> modules = watch.awaitModules(FrameworkSettings.modulesDir(options, distribution));
        watch.awaitHealthy();
        watch.awaitPages(options.bind(), options.port(), startupProbeToken);
        String unresolved = runtime.unresolvedSentence(modules);
        if (unresolved != null) {
            throw new StartupException(unresolved);
        }
    }

    private int admin(List<String> args) {
        AdminCommand command;
        try {
            command = AdminCommand.parse(args);
        } catch (StartupException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            out.println(command.run(Distribution.locate()));
            return 0;
        } catch (StartupException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int backup(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            err.println("Usage: billing-host backup FILE [--data DIR] (see --help).");
            return 2;
        }
        LauncherOptions options;
        try {
            for (int i = 1; i < args.size(); i += 2) {
                if (!List.of("--data", "--db-url").contains(args.get(i))) {
                    throw new StartupException("Option " + args.get(i) + " does not apply to backup (see --help).");
                }
            }
            options = LauncherOptions.parse(args.subList(1, args.size()));
        } catch (StartupException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            out.println(Backup.take(options, Path.of(args.get(0)), Distribution.locate()));
            return 0;
        } catch (StartupException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** Online backups are a convenience: a host that cannot offer them (e.g. a too long socket path) still runs. */
    private void serveBackups(HostRuntime runtime, LauncherOptions options) {
        try {
            Backup.serve(runtime.context(), options.dataDir());
        } catch (StartupException e) {
            err.println(e.getMessage() + " billing-host backup works only while the host is stopped.");
        }
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        return properties.getProperty("version", "(unknown version)");
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Logback (inside the framework) reads its file and the log directory from system properties. */
    private static void configureLogging(LauncherOptions options, Distribution distribution) {
        // some libraries log through java.util.logging: keep their INFO chatter off the console
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.setProperty("billing.data.dir", options.dataDir().toString());
        // slf4j-api loads this provider by name (seen through the slf4j-logback-fragment), no service loader lookup
        if (System.getProperty(FrameworkSettings.SLF4J_PROVIDER) == null) {
            System.setProperty(FrameworkSettings.SLF4J_PROVIDER, FrameworkSettings.LOGBACK_PROVIDER);
            // SLF4J would announce on the console that it took the provider named by the property
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        Path logbackXml = FrameworkSettings.confDir(options, distribution).resolve("logback.xml");
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(logbackXml)) {
            System.setProperty("logback.configurationFile", logbackXml.toString());
        }
    }

    private static List<Path> demoBundles(Distribution distribution) throws StartupException {
        try (Stream<Path> files = Files.list(distribution.demoDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new StartupException("The demo directory " + distribution.demoDir() + " cannot be read.", e);
        }
    }

    /** Signal handlers must return quickly: the framework stops on its own thread. */
    private void stopAsync(HostRuntime runtime) {
        if (stopping.compareAndSet(false, true)) {
            Thread stopper = new Thread(() -> {
                if (!runtime.stop(STOP_TIMEOUT_MILLIS)) {
                    err.println("The host did not stop within " + STOP_TIMEOUT_MILLIS / 1000 + " s; exiting anyway.");
                    Runtime.getRuntime().halt(1);
                }
            }, "billing-host-stop");
            stopper.start();
        }
    }
}
