package org.billinghost.core.internal.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.module.AddonMetadata;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.FieldType;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.ModuleTemplateException;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.modules.AddonStore.Setting;
import org.billinghost.core.internal.modules.AddonStore.State;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed modules and the addons' stored state: activation, installed version (upgrade
 * called once when it changes), settings (secrets never returned in clear) and access roles.
 */
@Component(service = Modules.class)
public final class ModulesService implements Modules {
    private static final Logger LOG = LoggerFactory.getLogger(ModulesService.class);
    private static final int MAX_VALUE_LENGTH = 4000;

    private final Jdbc jdbc;
    private final AddonStore store;
    private final ModuleRegistry registry;
    private final HookPublisher hooks;
    private final ActivityLog activity;

    @Activate
    public ModulesService(@Reference Jdbc jdbc, @Reference ModuleRegistry registry, @Reference HookPublisher hooks,
                          @Reference ActivityLog activity) {
        this.jdbc = jdbc;
        this.store = new AddonStore(jdbc);
        this.registry = registry;
        this.hooks = hooks;
        this.activity = activity;
    }

    @Override
    public List<ModuleInfo> addons() {
        TreeSet<String> names = new TreeSet<>(registry.addons().keySet());
        store.all().forEach(state -> names.add(state.name()));
        List<ModuleInfo> infos = new ArrayList<>();
        names.forEach(name -> addon(name).ifPresent(infos::add));
        return infos;
    }

    @Override
    public Optional<ModuleInfo> addon(String name) {
        Optional<AddonModule> module = registry.addon(name);
        module.ifPresent(m -> upgradeIfNeeded(name, m));
        Optional<State> state = store.state(name);
        if (module.isEmpty() && state.isEmpty()) {
            return Optional.empty();
        }
        boolean active = state.map(State::active).orElse(false);
        String installed = state.map(State::installedVersion).orElse("");
        List<String> roles = state.map(State::accessRoles).orElse(List.of());
        Map<String, Setting> stored = store.settings(name);
        Optional<AddonMetadata> metadata = module.flatMap(m -> metadataOf(name, m));
        if (metadata.isEmpty()) {
            Map<String, String> masked = new LinkedHashMap<>();
            stored.forEach((key, setting) -> masked.put(key, setting.secret() ? mask(setting.value()) : setting.value()));
            return Optional.of(new ModuleInfo(name, "addon", name, "", "", "", false, active,
                    Objects.toString(installed, ""), List.of(), masked, roles));
        }
        AddonMetadata meta = metadata.get();
        Map<String, String> masked = new LinkedHashMap<>();
        values(meta, stored).forEach((key, value) -> masked.put(key,
                isSecret(meta, key) ? mask(value) : value));
        return Optional.of(new ModuleInfo(name, "addon", meta.displayName(), meta.description(), meta.version(),
                meta.author(), true, active, Objects.toString(installed, ""), meta.fields(), masked, roles));
    }

    @Override
    public List<ModuleInfo> serverModules() {
        List<ModuleInfo> infos = new ArrayList<>();
        registry.servers().keySet().forEach(name -> serverModule(name).ifPresent(infos::add));
        return infos;
    }

    @Override
    public Optional<ModuleInfo> serverModule(String name) {
        return registry.server(name).flatMap(module -> {
            try {
                return Optional.of(new ModuleInfo(name, "server", module.metadata().displayName(), "",
                        module.metadata().apiVersion(), "", true, true, "", module.configOptions(), Map.of(), List.of()));
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Server module failed to describe itself: module={}", name, e);
                return Optional.empty();
            }
        });
    }

    @Override
    public AddonResult activate(String name) {
        AddonModule module = available(name);
        AddonMetadata meta = metadataOf(name, module).orElseThrow(() -> failedModule(name));
        AddonResult result = call(name, "activate", module::activateAddon);
        if (result.isError()) {
            activity.log("Addon Module Activation Failed - " + name + " - " + result.description(), 0);
            return result;
        }
        jdbc.inTransaction(() -> {
            Optional<State> state = store.state(name);
            // A first activation installs the current version; a later one leaves an older version for upgrade below.
            String installed = state.map(State::installedVersion).filter(v -> v != null && !v.isEmpty()).orElse(meta.version());
            // First activation ever: open the page to Full Administrators; roles an admin saved (even none) stay.
            List<String> roles = state.map(State::accessRoles).orElse(List.of(Admins.FULL_ADMINISTRATOR));
            store.save(new State(name, true, installed, roles));
            Map<String, Setting> stored = store.settings(name);
            for (ConfigField field : meta.fields()) {
                if (!stored.containsKey(field.key())) {
                    store.putSetting(name, field.key(), new Setting(field.defaultValue(), field.type().isSecret()));
                }
            }
            return null;
        });
        upgradeIfNeeded(name, module);
        activity.log("Addon Module Activated - " + name, 0);
        return result;
    }

    @Override
    public AddonResult deactivate(String name) {
        State state = store.state(name).filter(State::active)
                .orElseThrow(() -> BillingException.conflict("The addon '" + name + "' is not active"));
        Optional<AddonModule> module = registry.addon(name);
        // A gone addon can still be switched off: its stored settings are kept either way.
        AddonResult result = module.map(m -> call(name, "deactivate", m::deactivateAddon))
                .orElse(AddonResult.success("The addon's bundle is not installed; it was marked inactive"));
        if (result.isError()) {
            activity.log("Addon Module Deactivation Failed - " + name + " - " + result.description(), 0);
            return result;
        }
        store.save(new State(name, false, state.installedVersion(), state.accessRoles()));
        activity.log("Addon Module Deactivated - " + name, 0);
        return result;
    }

    @Override
    public List<String> saveConfiguration(String name, Map<String, String> values, List<String> accessRoles,
                                          AdminIdentity admin) {
        AddonModule module = available(name);
        AddonMetadata meta = metadataOf(name, module).orElseThrow(() -> failedModule(name));
        Map<String, String> submitted = values == null ? Map.of() : values;
        Map<String, ConfigField> fields = new LinkedHashMap<>();
        meta.fields().forEach(f -> fields.put(f.key(), f));
        for (String key : submitted.keySet()) {
            if (!fields.containsKey(key)) {
                throw BillingException.invalid(key, "The addon '" + name + "' has no setting '" + key + "'");
            }
        }
        List<String> roles = accessRoles == null ? null : accessRoles.stream().map(String::trim).filter(r -> !r.isEmpty())
                .distinct().toList();
        List<String> changed = jdbc.inTransaction(() -> {
            Map<String, String> current = values(meta, store.settings(name));
            List<String> keys = new ArrayList<>();
            for (ConfigField field : meta.fields()) {
                String value = submitted.get(field.key());
                boolean keepSecret = field.type().isSecret() && (value == null || value.isEmpty() || ModuleInfo.MASK.equals(value));
                if (value == null || keepSecret) {
                    continue;
                }
                String checked = checked(field, value);
                if (!checked.equals(current.get(field.key()))) {
                    store.putSetting(name, field.key(), new Setting(checked, field.type().isSecret()));
                    keys.add(field.key());
                }
            }
            if (roles != null) {
                State state = store.state(name).orElse(new State(name, false, null, List.of()));
                store.save(new State(name, state.active(), state.installedVersion(), roles));
            }
            return keys;
        });
        Map<String, Object> properties = Map.of(HookTopics.MODULE, name, HookTopics.CHANGED_SETTINGS, changed);
        hooks.post(HookTopics.ADDON_MODULE_CONFIG_SAVE, properties);
        activity.log("Addon Module Configuration Saved - " + name + (admin == null ? "" : " by " + admin.username()), 0);
        return changed;
    }

    @Override
    public AddonPage adminOutput(String name, AddonRequest request) {
        AddonModule module = available(name);
        AdminIdentity admin = request.admin();
        State state = store.state(name).filter(State::active)
                .orElseThrow(() -> new BillingException(BillingException.Category.FORBIDDEN,
                        "The addon '" + name + "' is not active: an admin with the addon permission can activate it"));
        if (admin == null || !state.accessRoles().contains(admin.role())) {
            throw new BillingException(BillingException.Category.FORBIDDEN, "Your role "
                    + (admin == null ? "" : "'" + admin.role() + "' ") + "may not open the addon '" + name + "'");
        }
        upgradeIfNeeded(name, module);
        AddonMetadata meta = metadataOf(name, module).orElseThrow(() -> failedModule(name));
        try {
            AddonPage page = module.adminOutput(forAddon(name, meta, request));
            return page == null ? AddonPage.of(meta.displayName(), "") : page;
        } catch (ModuleTemplateException e) {
            // the template service has logged the engine's message (once a minute); its own sentence is safe to show
            throw new BillingException(BillingException.Category.UNAVAILABLE, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Addon failed to render its admin page: module={}", name, e);
            throw new BillingException(BillingException.Category.UNAVAILABLE,
                    "The addon '" + name + "' failed to show its page; the error is in the host's log");
        }
    }

    @Override
    public Optional<String> adminSidebar(String name, AddonRequest request) {
        AdminIdentity admin = request.admin();
        Optional<AddonModule> module = registry.addon(name);
        boolean allowed = admin != null && store.state(name).filter(State::active)
                .filter(state -> state.accessRoles().contains(admin.role())).isPresent();
        Optional<AddonMetadata> meta = module.filter(m -> allowed).flatMap(m -> metadataOf(name, m));
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        return optionalHtml(name, "sidebar", () -> module.get().sidebar(forAddon(name, meta.get(), request)));
    }

    @Override
    public Map<String, String> clientAreaOutputs(long clientId) {
        Map<String, String> outputs = new LinkedHashMap<>();
        store.all().stream().filter(State::active).map(State::name).sorted().forEach(name ->
                registry.addon(name).flatMap(module -> optionalHtml(name, "client area output",
                        () -> module.clientAreaOutput(clientId))).ifPresent(html -> outputs.put(name, html)));
        return outputs;
    }

    /** Optional module HTML; a throwing addon is logged and shows nothing, so it never breaks the page around it. */
    private static Optional<String> optionalHtml(String name, String what, Supplier<Optional<String>> html) {
        try {
            Optional<String> answer = html.get();
            return answer == null ? Optional.empty() : answer.filter(s -> !s.isBlank());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Addon failed to render its {}: module={}", what, name, e);
            return Optional.empty();
        }
    }

    /** The caller's request with the addon's stored version and settings (never what the caller put there). */
    private AddonRequest forAddon(String name, AddonMetadata meta, AddonRequest request) {
        String installed = store.state(name).map(State::installedVersion).orElse(meta.version());
        return request.forAddon(installed, values(meta, store.settings(name)));
    }

    /** Calls upgrade(previous) once when the addon's version differs from the installed one (the CAS picks one caller). */
    private void upgradeIfNeeded(String name, AddonModule module) {
        Optional<State> state = store.state(name).filter(State::active);
        Optional<AddonMetadata> meta = metadataOf(name, module);
        if (state.isEmpty() || meta.isEmpty()) {
            return;
        }
        String installed = state.get().installedVersion();
        String version = meta.get().version();
        if (installed == null || installed.equals(version) || !store.compareAndSetVersion(name, installed, version)) {
            return;
        }
        AddonResult result = call(name, "upgrade", () -> module.upgrade(installed));
        activity.log("Addon Module Upgraded - " + name + " from " + installed + " to " + version
                + (result.isError() ? " - upgrade reported an error: " + result.description() : ""), 0);
    }

    private AddonModule available(String name) {
        return registry.addon(name).orElseThrow(() -> new BillingException(BillingException.Category.UNAVAILABLE,
                "Addon '" + name + "' is not available: its bundle is not installed or not active."));
    }

    private static BillingException failedModule(String name) {
        return new BillingException(BillingException.Category.UNAVAILABLE,
                "The addon '" + name + "' failed to describe itself; the error is in the host's log");
    }

    private static Optional<AddonMetadata> metadataOf(String name, AddonModule module) {
        try {
            return Optional.ofNullable(module.metadata());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Addon failed to describe itself: module={}", name, e);
            return Optional.empty();
        }
    }

    /** Calls the addon; a throw or a null answer becomes an error answer. */
    private static AddonResult call(String name, String what, Supplier<AddonResult> action) {
        try {
            AddonResult result = action.get();
            return result == null ? AddonResult.error("The addon answered nothing to " + what) : result;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Addon threw from {}: module={}", what, name, e);
            return AddonResult.error("The addon failed to " + what + ": " + e.getClass().getSimpleName());
        }
    }

    /** Saved values, or defaults for fields never saved, in field order (unmasked). */
    private static Map<String, String> values(AddonMetadata meta, Map<String, Setting> stored) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigField field : meta.fields()) {
            Setting setting = stored.get(field.key());
            values.put(field.key(), setting == null ? field.defaultValue() : setting.value());
        }
        return values;
    }

    private static boolean isSecret(AddonMetadata meta, String key) {
        return meta.fields().stream().anyMatch(f -> f.key().equals(key) && f.type().isSecret());
    }

    private static String mask(String value) {
        return value == null || value.isEmpty() ? "" : ModuleInfo.MASK;
    }

    private static String checked(ConfigField field, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw BillingException.invalid(field.key(),
                    "The setting '" + field.label() + "' is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (field.type() == FieldType.YESNO) {
            return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "on", "yes", "true", "1" -> "on";
                case "", "off", "no", "false", "0" -> "";
                default -> throw BillingException.invalid(field.key(),
                        "The setting '" + field.label() + "' must be on or off");
            };
        }
        if ((field.type() == FieldType.DROPDOWN || field.type() == FieldType.RADIO) && !field.options().contains(value)) {
            throw BillingException.invalid(field.key(),
                    "The setting '" + field.label() + "' must be one of " + field.options());
        }
        return value;
    }
}
