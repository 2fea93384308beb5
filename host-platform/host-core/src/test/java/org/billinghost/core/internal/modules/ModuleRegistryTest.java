package org.billinghost.core.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.platform.ModuleDatabase.Dialect;
import org.billinghost.core.internal.db.MigrationScripts;
import org.billinghost.core.testkit.TestDatabase;
import org.billinghost.core.testkit.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** A module's bundle scripts run when the module registers, before it is offered. */
class ModuleRegistryTest {

    @TempDir
    Path bundleRoot;

    @Test
    void anAddonIsOfferedOnceItsBundlesScriptsAreApplied() throws Exception {
        try (TestDatabase db = TestDatabases.create(Dialect.H2)) {
            script("V1__notes.sql", "CREATE TABLE mod_notes_items (id ${ID}, body VARCHAR(20)) ${TABLE_OPTIONS};\n");
            ModuleRegistry registry = new ModuleRegistry(db.database());

            registry.bindAddon(new FakeAddon("1.0"), reference(bundle("org.example.notes")), properties("notes"));
            registry.bindAddon(new FakeAddon("1.0"), reference(bundle("org.example.notes")), properties("notes"));

            assertThat(registry.addon("notes")).isPresent();
            assertThat(db.jdbc().queryLong("SELECT COUNT(*) FROM mod_notes_items")).isZero();
            assertThat(db.jdbc().query("SELECT bundle FROM module_schema_version", rs -> rs.getString(1)))
                    .containsExactly("org.example.notes");
        }
    }

    @Test
    void anAddonWhoseScriptsFailIsNotOffered() throws Exception {
        try (TestDatabase db = TestDatabases.create(Dialect.H2)) {
            script("V1__broken.sql", "CREATE TABLE mod_broken_items (id ${ID}, oops);\n");
            ModuleRegistry registry = new ModuleRegistry(db.database());

            registry.bindAddon(new FakeAddon("1.0"), reference(bundle("org.example.broken")), properties("broken"));

            assertThat(registry.addon("broken")).isEmpty();
            assertThat(db.jdbc().queryLong("SELECT COUNT(*) FROM module_schema_version")).isZero();
        }
    }

    private void script(String name, String text) throws IOException {
        Files.writeString(Files.createDirectories(bundleRoot.resolve("db/migration")).resolve(name), text);
    }

    private static Map<String, Object> properties(String name) {
        return Map.of(ModuleProperties.MODULE_NAME, name);
    }

    /** A bundle whose entries are the files under {@link #bundleRoot}, declaring {@code db/migration}. */
    private Bundle bundle(String symbolicName) {
        Dictionary<String, String> headers = new Hashtable<>(Map.of(MigrationScripts.HEADER, "db/migration"));
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getHeaders" -> headers;
                    case "getEntry" -> url(bundleRoot.resolve((String) args[0]));
                    case "findEntries" -> {
                        try (Stream<Path> files = Files.list(bundleRoot.resolve((String) args[0]))) {
                            List<URL> urls = files.map(ModuleRegistryTest::url).toList();
                            yield Collections.enumeration(urls);
                        }
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<AddonModule> reference(Bundle bundle) {
        return (ServiceReference<AddonModule>) Proxy.newProxyInstance(ModuleRegistryTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return bundle;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static URL url(Path path) {
        try {
            return Files.exists(path) ? path.toUri().toURL() : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
