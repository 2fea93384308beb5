package org.billinghost.itests.support;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that boot Felix the way the launcher does: exactly the distribution's system bundles in
 * their order, and the framework properties of the launcher contract (data dir, HTTP port, FileInstall).
 * Evaluated in the test JVM when Pax Exam asks the test class for its configuration.
 */
public final class ContainerOptions {
    private ContainerOptions() {
    }

    /** The distribution's host on a free port with a fresh data directory, modules dir and conf dir. */
    public static Option host(boolean demo) {
        Path work = newWorkDir();
        int port = freePort();
        List<Option> options = new ArrayList<>();
        options.add(workingDirectory(work.resolve("felix").toString()));
        options.add(cleanCaches(true));
        options.add(junitBundles());
        property(options, "org.osgi.service.http.port", Integer.toString(port));
        property(options, "org.apache.felix.http.host", "127.0.0.1");
        property(options, "billing.http.port", Integer.toString(port));
        property(options, "billing.http.bind", "127.0.0.1");
        property(options, "billing.data.dir", work.resolve("data").toString());
        property(options, "billing.demo", Boolean.toString(demo));
        property(options, "billing.db.url", "");
        property(options, "billing.db.user", "");
        property(options, "billing.db.password.file", "");
        property(options, "felix.fileinstall.dir", work.resolve("modules") + "," + work.resolve("conf"));
        property(options, "felix.fileinstall.poll", "1000");
        property(options, "felix.fileinstall.noInitialDelay", "true");
        property(options, "felix.fileinstall.enableConfigSave", "false");
        property(options, "ds.loglevel", "warn");
        // as the launcher (FrameworkSettings): SLF4J takes Logback by name, no service loader mediator
        property(options, "org.osgi.framework.system.capabilities.extra",
                "osgi.extender;osgi.extender=\"osgi.serviceloader.processor\";version:Version=\"1.0\","
                        + "osgi.extender;osgi.extender=\"osgi.serviceloader.registrar\";version:Version=\"1.0\"");
        options.add(systemProperty("slf4j.provider").value("ch.qos.logback.classic.spi.LogbackServiceProvider"));
        options.add(systemProperty("slf4j.internal.verbosity").value("WARN"));
        for (Path jar : DistributionBundles.systemBundles()) {
            // a fragment (slf4j-logback-fragment) is attached to its host, never started
            options.add(isFragment(jar) ? bundle(jar.toUri().toString()).noStart() : bundle(jar.toUri().toString()));
        }
        return composite(options.toArray(new Option[0]));
    }

    /** The two Jetpack bundles from the distribution's {@code modules/}, started after the host. */
    public static Option jetpackBundles() {
        return composite(DistributionBundles.jetpackBundles().stream().map(j -> bundle(j.toUri().toString())).toArray(Option[]::new));
    }

    /** The Partner API sandbox from the distribution's {@code demo/}. */
    public static Option sandboxBundle() {
        return bundle(DistributionBundles.sandboxBundle().toUri().toString());
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void property(List<Option> options, String key, String value) {
        options.add(frameworkProperty(key).value(value));
    }

    private static Path newWorkDir() {
        try {
            Path base = Files.createDirectories(Path.of("target", "containers"));
            Path work = Files.createTempDirectory(base.toAbsolutePath(), "host-");
            Files.createDirectories(work.resolve("modules"));
            Files.createDirectories(work.resolve("conf"));
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
