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
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Lists the migration scripts shipped in {@code db/migration}: through the bundle inside OSGi,
 * through the class path (a directory or a jar) in tests.
 */
final class MigrationScripts {

    static final String FOLDER = "db/migration";

    private MigrationScripts() {
    }

    static List<Migration> list() {
        Bundle bundle = FrameworkUtil.getBundle(MigrationScripts.class);
        List<String> names = bundle != null ? inBundle(bundle) : onClassPath();
        List<Migration> migrations = new ArrayList<>();
        for (String name : names) {
            Migration m = Migration.parse(name, FOLDER + "/" + name);
            if (m != null) {
                migrations.add(m);
            }
        }
        return migrations;
    }

    static String read(String resource) {
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> inBundle(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.sql", false);
        List<String> names = new ArrayList<>();
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                String path = url.getPath();
                names.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    private static List<String> onClassPath() {
        URL folder = MigrationScripts.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            if ("jar".equals(folder.getProtocol())) {
                String file = folder.getPath().substring("file:".length(), folder.getPath().indexOf("!/"));
                try (JarFile jar = new JarFile(Path.of(new java.net.URI("file:" + file)).toFile())) {
                    return jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(FOLDER + "/") && n.indexOf('/', FOLDER.length() + 1) < 0)
                            .map(n -> n.substring(FOLDER.length() + 1)).toList();
                }
            }
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                return files.map(p -> p.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list " + folder, e);
        }
    }
}
