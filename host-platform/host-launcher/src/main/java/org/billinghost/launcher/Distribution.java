package org.billinghost.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The unpacked distribution: {@code system/} (host bundles in Maven repository layout and the generated
 * {@code bundles.list}), {@code conf/}, {@code modules/} and {@code demo/}.
 */
record Distribution(Path home) {
    /** Written by the features build from the {@code billing-host} feature, in start order. */
    static final String BUNDLE_LIST = "bundles.list";

    static Distribution locate() throws StartupException {
        String home = System.getProperty("billing.home");
        if (home != null && !home.isBlank()) {
            return new Distribution(Path.of(home).toAbsolutePath().normalize());
        }
        try {
            // lib/host-launcher.jar → the distribution is the jar's grand-parent
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Distribution(jar.getParent().getParent());
        } catch (URISyntaxException | NullPointerException e) {
            throw new StartupException("Cannot tell where the distribution is installed; set -Dbilling.home.", e);
        }
    }

    Path systemDir() {
        return home.resolve("system");
    }

    Path confDir() {
        return home.resolve("conf");
    }

    Path modulesDir() {
        return home.resolve("modules");
    }

    Path demoDir() {
        return home.resolve("demo");
    }

    /** The host's bundles in start order; blank lines and {@code #} comments are skipped. */
    List<Path> systemBundles() throws StartupException {
        Path list = systemDir().resolve(BUNDLE_LIST);
        List<String> lines;
        try {
            lines = Files.readAllLines(list);
        } catch (IOException e) {
            throw new StartupException("The bundle list " + list + " is missing; rebuild the distribution.", e);
        }
        List<Path> bundles = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Path jar = systemDir().resolve(entry);
            if (!Files.isRegularFile(jar)) {
                throw new StartupException("Bundle " + jar + " named in " + list + " is missing; rebuild the distribution.");
            }
            bundles.add(jar);
        }
        return bundles;
    }
}
