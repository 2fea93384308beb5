package org.billinghost.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built distribution as the tests see it: the same generated {@code system/bundles.list} the launcher reads,
 * {@code modules/} (Jetpack) and {@code demo/} (sandbox). Runs in the test JVM, never inside the container.
 */
public final class DistributionBundles {
    private DistributionBundles() {
    }

    /** {@code -Dbilling.dist} (set by failsafe) — the unpacked distribution under features/target. */
    public static Path distribution() {
        String dir = System.getProperty("billing.dist");
        if (dir == null) {
            throw new IllegalStateException("-Dbilling.dist is not set: run the tests through mvn verify");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** The host's bundles in start order, exactly as the launcher installs them. */
    public static List<Path> systemBundles() {
        Path system = distribution().resolve("system");
        try (Stream<String> lines = Files.lines(system.resolve("bundles.list"))) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(system::resolve).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the distribution is not built: " + system, e);
        }
    }

    /** The two Jetpack bundles the distribution ships in {@code modules/}. */
    public static List<Path> jetpackBundles() {
        return jars(distribution().resolve("modules"));
    }

    /** The Partner API sandbox bundle the distribution ships in {@code demo/}. */
    public static Path sandboxBundle() {
        List<Path> jars = jars(distribution().resolve("demo"));
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one sandbox bundle in demo/, found " + jars);
        }
        return jars.get(0);
    }

    /** The host-test-modules bundle (test server module {@code testmodule} and the test addon). */
    public static Path testModulesBundle() {
        String jar = System.getProperty("test.modules.jar");
        if (jar == null || jar.startsWith("$")) {
            throw new IllegalStateException("-Dtest.modules.jar is not set: run the tests through mvn verify");
        }
        return Path.of(jar);
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the distribution is not built: " + dir, e);
        }
    }
}
