package org.billinghost.httpapi.internal.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.httpapi.internal.ActionTable;
import org.billinghost.httpapi.internal.ApiError;
import org.billinghost.httpapi.internal.ApiRequest;

/**
 * ActivateModule, DeactivateModule, UpdateModuleConfiguration, GetModuleConfigurationParameters.
 * WHMCS's {@code moduleType} is {@code addon} here ({@code server} too for reading parameters);
 * gateways, registrars and fraud modules do not exist in this host.
 */
public final class ModuleActions {

    private final Modules modules;

    public ModuleActions(Modules modules) {
        this.modules = modules;
    }

    public void register(ActionTable table) {
        table.add("ActivateModule", Permissions.CONFIG_ADDON_MODULES, this::activate)
                .add("DeactivateModule", Permissions.CONFIG_ADDON_MODULES, (r, admin) -> {
                    checked(modules.deactivate(addon(r).name()));
                    return Map.of();
                })
                .add("UpdateModuleConfiguration", Permissions.CONFIG_ADDON_MODULES,
                        (r, admin) -> Replies.of("changed", save(addon(r), r.stringMap("parameters"), admin)))
                .add("GetModuleConfigurationParameters", Permissions.CONFIG_ADDON_MODULES, (r, admin) -> parameters(r));
    }

    /** Activates, then saves {@code parameters} if given (WHMCS sets them in the same call). */
    private Map<String, Object> activate(ApiRequest r, AdminIdentity admin) {
        ModuleInfo addon = addon(r);
        Map<String, String> parameters = r.stringMap("parameters");
        checkKeys(addon, parameters);
        checked(modules.activate(addon.name()));
        // read again: activation may have stored default access roles that saving must keep
        ModuleInfo activated = modules.addon(addon.name()).orElse(addon);
        return parameters.isEmpty() ? Map.of() : Replies.of("changed", save(activated, parameters, admin));
    }

    private List<String> save(ModuleInfo addon, Map<String, String> parameters, AdminIdentity admin) {
        checkKeys(addon, parameters);
        if (parameters.isEmpty()) {
            throw ApiError.invalid("Missing required parameter: parameters (parameters[key]=value per setting)");
        }
        Map<String, String> values = new LinkedHashMap<>(addon.settings());
        values.putAll(parameters);
        return modules.saveConfiguration(addon.name(), values, addon.accessRoles(), admin);
    }

    private static void checkKeys(ModuleInfo addon, Map<String, String> parameters) {
        Set<String> known = addon.fields().stream().map(ConfigField::key).collect(Collectors.toSet());
        for (String key : parameters.keySet()) {
            if (!known.contains(key)) {
                throw ApiError.invalid("Unknown setting '" + ApiRequest.shorten(key) + "' for module "
                        + addon.name() + "; its settings are: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /** An addon's refusal (an error answer from activate/deactivate) is shown as WHMCS does, with HTTP 200. */
    private static void checked(AddonResult result) {
        if (result.isError()) {
            throw ApiError.refused(result.description().isBlank() ? "The module refused" : result.description());
        }
    }

    private ModuleInfo addon(ApiRequest r) {
        String type = moduleType(r);
        if (!type.equals("addon")) {
            throw ApiError.invalid("moduleType must be addon for this action, got '" + type + "'");
        }
        String name = moduleName(r);
        return modules.addon(name).orElseThrow(() -> ApiError.notFound("Module not found: addon " + name));
    }

    private static String moduleType(ApiRequest r) {
        String type = r.string("moduletype").toLowerCase(Locale.ROOT);
        if (!type.equals("addon") && !type.equals("server")) {
            throw ApiError.invalid("Unsupported moduleType '" + ApiRequest.shorten(type)
                    + "': this host has addon and server modules only");
        }
        return type;
    }

    private static String moduleName(ApiRequest r) {
        String name = r.string("modulename").toLowerCase(Locale.ROOT);
        if (!ModuleProperties.isValidName(name)) {
            throw ApiError.invalid("Parameter moduleName must be a module name (lower-case letters, digits and underscores), got '"
                    + ApiRequest.shorten(name) + "'");
        }
        return name;
    }

    /** Secrets are never sent back: a password field shows {@link ModuleInfo#MASK} when it has a value. */
    private Map<String, Object> parameters(ApiRequest r) {
        String type = moduleType(r);
        String name = moduleName(r);
        ModuleInfo info = (type.equals("addon") ? modules.addon(name) : modules.serverModule(name))
                .orElseThrow(() -> ApiError.notFound("Module not found: " + type + " " + name));
        List<Map<String, Object>> parameters = new ArrayList<>();
        List<ConfigField> fields = info.fields();
        for (int i = 0; i < fields.size(); i++) {
            ConfigField f = fields.get(i);
            Map<String, Object> p = Replies.of("name", type.equals("addon") ? f.key() : "configoption" + (i + 1),
                    "displayName", f.label(), "fieldType", f.type().name().toLowerCase(Locale.ROOT),
                    "description", f.description(), "options", f.options(),
                    "default", f.type().isSecret() ? "" : f.defaultValue());
            if (type.equals("addon")) {
                String value = info.settings().getOrDefault(f.key(), "");
                p.put("value", f.type().isSecret() && !value.isEmpty() ? ModuleInfo.MASK : value);
            }
            parameters.add(p);
        }
        return Replies.of("moduleType", type, "moduleName", name, "active", info.active(),
                "available", info.available(), "parameters", parameters);
    }
}
