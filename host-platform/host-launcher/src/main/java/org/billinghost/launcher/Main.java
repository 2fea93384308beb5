package org.billinghost.launcher;

import java.io.PrintStream;
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
                    + runtime.activeBundleCount() + " bundles active)");
            out.flush();
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
        watch.awaitPages(options.bind(), options.port());
        String unresolved = runtime.unresolvedSentence(modules);
        if (unresolved != null) {
            throw new StartupException(unresolved);
        }
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
        Path logbackXml = distribution.confDir().resolve("logback.xml");
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
