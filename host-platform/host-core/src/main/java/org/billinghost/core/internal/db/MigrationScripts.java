package org.billinghost.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The migration scripts of one owner, recorded under its bundle's symbolic name: the core's in its own
 * {@code db/migration} (through the bundle inside OSGi, through the class path in tests), or a module
 * bundle's in the folder its {@value #HEADER} manifest header names. Beside the core's, {@code baseline/h2.sql}
 * holds the schema they make on a new H2 database, in one script (see {@link H2Baseline}).
 */
public final class MigrationScripts {

    static final String FOLDER = "db/migration";
    /** The manifest header by which a module bundle declares the folder of its migration scripts. */
    public static final String HEADER = "Billing-Migrations";
    /** The core's symbolic name, also its owner name in the schema history. */
    static final String CORE = "org.billinghost.host-core";

    private final String owner;
    private final List<Migration> migrations;
    private final ClassLoader classLoader;
    private final Bundle bundle;
    /** Where the H2 baseline would be, or null when it is not to be used. */
    private final String h2Baseline;

    private MigrationScripts(String owner, List<String> names, String folder, ClassLoader classLoader, Bundle bundle) {
        this.owner = owner;
        this.classLoader = classLoader;
        this.bundle = bundle;
        List<Migration> found = new ArrayList<>();
        for (String name : names) {
            Migration m = Migration.parse(name, folder + "/" + name);
            if (m != null) {
                found.add(m);
            }
        }
        this.migrations = List.copyOf(found);
        // only the core's build makes one (H2Baseline.main)
        this.h2Baseline = owner.equals(CORE) ? folder + "/" + H2Baseline.FILE : null;
    }

    private MigrationScripts(MigrationScripts scripts, String h2Baseline) {
        this.owner = scripts.owner;
        this.migrations = scripts.migrations;
        this.classLoader = scripts.classLoader;
        this.bundle = scripts.bundle;
        this.h2Baseline = h2Baseline;
    }

    /** The core's scripts. */
    static MigrationScripts core() {
        Bundle bundle = FrameworkUtil.getBundle(MigrationScripts.class);
        return bundle != null ? new MigrationScripts(CORE, inBundle(bundle, FOLDER), FOLDER, null, bundle)
                : new MigrationScripts(CORE, onClassPath(MigrationScripts.class.getClassLoader(), FOLDER), FOLDER,
                        MigrationScripts.class.getClassLoader(), null);
    }

    /** The scripts of a module bundle, or none when it declares no {@value #HEADER} header. */
    public static Optional<MigrationScripts> of(Bundle bundle) {
        String folder = bundle.getHeaders("").get(HEADER);
        if (folder == null || folder.isBlank()) {
            return Optional.empty();
        }
        String path = folder.strip().replaceAll("^/+|/+$", "");
        return Optional.of(new MigrationScripts(bundle.getSymbolicName(), inBundle(bundle, path), path, null, bundle));
    }

    /** Scripts found on a class path under {@code folder}, recorded as {@code owner} (tests of modules). */
    public static MigrationScripts onClassPath(String owner, ClassLoader classLoader, String folder) {
        return new MigrationScripts(owner, onClassPath(classLoader, folder), folder, classLoader, null);
    }

    String owner() {
        return owner;
    }

    List<Migration> list() {
        return migrations;
    }

    String read(Migration m) {
        String text = readIfPresent(m.resource());
        if (text == null) {
            throw new IllegalStateException("Missing migration script " + m.resource() + " of " + owner);
        }
        return text;
    }

    /** The H2 baseline beside the scripts, if there is one and it can be read. */
    Optional<H2Baseline> h2Baseline() {
        String text = h2Baseline == null ? null : readIfPresent(h2Baseline);
        return text == null ? Optional.empty() : H2Baseline.parse(text);
    }

    /** The same scripts, leaving any baseline aside: every script is applied one by one. */
    MigrationScripts withoutBaseline() {
        return new MigrationScripts(this, null);
    }

    private String readIfPresent(String resource) {
        try (InputStream in = open(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream open(String resource) throws IOException {
        if (bundle != null) {
            URL entry = bundle.getEntry(resource);
            return entry == null ? null : entry.openStream();
        }
        return classLoader.getResourceAsStream(resource);
    }

    private static List<String> inBundle(Bundle bundle, String folder) {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        List<String> names = new ArrayList<>();
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                String path = url.getPath();
                names.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    private static List<String> onClassPath(ClassLoader classLoader, String folder) {
        URL url = classLoader.getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                String file = url.getPath().substring("file:".length(), url.getPath().indexOf("!/"));
                try (JarFile jar = new JarFile(Path.of(new java.net.URI("file:" + file)).toFile())) {
                    return jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(folder + "/") && n.indexOf('/', folder.length() + 1) < 0)
                            .map(n -> n.substring(folder.length() + 1)).toList();
                }
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                return files.map(p -> p.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list " + url, e);
        }
    }
}
