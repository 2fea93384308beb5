package org.billinghost.core.internal.modules;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.module.ServerModule;
import org.billinghost.core.internal.db.Database;
import org.billinghost.core.internal.db.DatabaseUnavailableException;
import org.billinghost.core.internal.db.MigrationRunner;
import org.billinghost.core.internal.db.MigrationScripts;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addon and server modules currently registered, by {@link ModuleProperties#MODULE_NAME}.
 * Modules come and go with their bundles; callers look a module up for each use and never keep it.
 * A module whose bundle ships migration scripts (manifest header {@value MigrationScripts#HEADER}) is offered
 * once they are applied; when they fail it is not offered, and the log says why in one line.
 */
@Component(service = ModuleRegistry.class)
public final class ModuleRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

    private final ByName<AddonModule> addons = new ByName<>("Addon");
    private final ByName<ServerModule> servers = new ByName<>("Server");
    private final Database database;

    @Activate
    public ModuleRegistry(@Reference Database database) {
        this.database = database;
    }

    public Optional<AddonModule> addon(String name) {
        return addons.get(name);
    }

    public Optional<ServerModule> server(String name) {
        return servers.get(name);
    }

    /** A sorted snapshot. */
    public Map<String, AddonModule> addons() {
        return addons.snapshot();
    }

    /** A sorted snapshot. */
    public Map<String, ServerModule> servers() {
        return servers.snapshot();
    }

    public void addAddon(String name, AddonModule module) {
        addons.put(checkedName(name), module);
    }

    public void removeAddon(String name) {
        addons.modules.remove(name);
    }

    public void addServer(String name, ServerModule module) {
        servers.put(checkedName(name), module);
    }

    public void removeServer(String name) {
        servers.modules.remove(name);
    }

    @Reference(name = "addon", service = AddonModule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindAddon")
    void bindAddon(AddonModule module, ServiceReference<AddonModule> reference, Map<String, Object> properties) {
        addons.bind(module, properties, name -> migrated("Addon", name, reference.getBundle()));
    }

    void unbindAddon(AddonModule module, Map<String, Object> properties) {
        addons.unbind(module, properties);
    }

    @Reference(name = "server", service = ServerModule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindServer")
    void bindServer(ServerModule module, ServiceReference<ServerModule> reference, Map<String, Object> properties) {
        servers.bind(module, properties, name -> migrated("Server", name, reference.getBundle()));
    }

    /** Applies the migration scripts of a module's bundle; false when they fail or the bundle is gone meanwhile. */
    boolean migrated(String kind, String name, Bundle bundle) {
        if (bundle == null) {
            return false;
        }
        Optional<MigrationScripts> scripts = MigrationScripts.of(bundle);
        if (scripts.isEmpty()) {
            return true;
        }
        try {
            List<Integer> applied = new MigrationRunner(database).migrate(scripts.get());
            LOG.info("{} module migrated: module={} bundle={} migrationsApplied={}", kind, name,
                    bundle.getSymbolicName(), applied.size());
            return true;
        } catch (DatabaseUnavailableException | IllegalStateException | UncheckedIOException e) {
            LOG.error("{} module '{}' is not offered: {}", kind, name, e.getMessage());
            return false;
        }
    }

    void unbindServer(ServerModule module, Map<String, Object> properties) {
        servers.unbind(module, properties);
    }

    private static String checkedName(String name) {
        if (!ModuleProperties.isValidName(name)) {
            throw new IllegalArgumentException("Invalid module name: " + name);
        }
        return name;
    }

    /** Modules of one kind by name. */
    private static final class ByName<T> {
        final ConcurrentMap<String, T> modules = new ConcurrentHashMap<>();
        private final String kind;

        ByName(String kind) {
            this.kind = kind;
        }

        Optional<T> get(String name) {
            return name == null ? Optional.empty() : Optional.ofNullable(modules.get(name));
        }

        Map<String, T> snapshot() {
            return new TreeMap<>(modules);
        }

        void put(String name, T module) {
            modules.put(name, module);
        }

        void bind(T module, Map<String, Object> properties, Predicate<String> ready) {
            nameOf(properties).filter(ready).ifPresent(name -> {
                modules.put(name, module);
                LOG.info("{} module available: module={}", kind, name);
            });
        }

        void unbind(T module, Map<String, Object> properties) {
            // Only the instance being unbound: a newer version may already have replaced it.
            nameOf(properties).filter(name -> modules.remove(name, module))
                    .ifPresent(name -> LOG.info("{} module gone: module={}", kind, name));
        }

        private Optional<String> nameOf(Map<String, Object> properties) {
            Object name = properties.get(ModuleProperties.MODULE_NAME);
            if (name instanceof String s && ModuleProperties.isValidName(s)) {
                return Optional.of(s);
            }
            LOG.warn("Ignoring a {} module service without a valid {} property: value={}", kind,
                    ModuleProperties.MODULE_NAME, name);
            return Optional.empty();
        }
    }
}
