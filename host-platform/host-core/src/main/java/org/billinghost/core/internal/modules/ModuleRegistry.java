package org.billinghost.core.internal.modules;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.module.ServerModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addon and server modules currently registered, by {@link ModuleProperties#MODULE_NAME}.
 * Modules come and go with their bundles; callers look a module up for each use and never keep it.
 */
@Component(service = ModuleRegistry.class)
public final class ModuleRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

    private final ConcurrentMap<String, AddonModule> addons = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ServerModule> servers = new ConcurrentHashMap<>();

    public Optional<AddonModule> addon(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(addons.get(name));
    }

    public Optional<ServerModule> server(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(servers.get(name));
    }

    /** A sorted snapshot. */
    public Map<String, AddonModule> addons() {
        return new TreeMap<>(addons);
    }

    /** A sorted snapshot. */
    public Map<String, ServerModule> servers() {
        return new TreeMap<>(servers);
    }

    public void addAddon(String name, AddonModule module) {
        addons.put(checkedName(name), module);
    }

    public void removeAddon(String name) {
        addons.remove(name);
    }

    public void addServer(String name, ServerModule module) {
        servers.put(checkedName(name), module);
    }

    public void removeServer(String name) {
        servers.remove(name);
    }

    @Reference(name = "addon", service = AddonModule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindAddon")
    void bindAddon(AddonModule module, Map<String, Object> properties) {
        nameOf(properties).ifPresent(name -> {
            addons.put(name, module);
            LOG.info("Addon module available: module={}", name);
        });
    }

    void unbindAddon(AddonModule module, Map<String, Object> properties) {
        // Only the instance being unbound: a newer version may already have replaced it.
        nameOf(properties).filter(name -> addons.remove(name, module))
                .ifPresent(name -> LOG.info("Addon module gone: module={}", name));
    }

    @Reference(name = "server", service = ServerModule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindServer")
    void bindServer(ServerModule module, Map<String, Object> properties) {
        nameOf(properties).ifPresent(name -> {
            servers.put(name, module);
            LOG.info("Server module available: module={}", name);
        });
    }

    void unbindServer(ServerModule module, Map<String, Object> properties) {
        nameOf(properties).filter(name -> servers.remove(name, module))
                .ifPresent(name -> LOG.info("Server module gone: module={}", name));
    }

    private static Optional<String> nameOf(Map<String, Object> properties) {
        Object name = properties.get(ModuleProperties.MODULE_NAME);
        if (name instanceof String s && ModuleProperties.isValidName(s)) {
            return Optional.of(s);
        }
        LOG.warn("Ignoring a module service without a valid {} property: value={}", ModuleProperties.MODULE_NAME, name);
        return Optional.empty();
    }

    private static String checkedName(String name) {
        if (!ModuleProperties.isValidName(name)) {
            throw new IllegalArgumentException("Invalid module name: " + name);
        }
        return name;
    }
}
