package org.billinghost.api.billing;

import java.util.List;
import java.util.Map;
import org.billinghost.api.module.ConfigField;

/**
 * An addon or server module as the host knows it. {@code available} is false when the bundle
 * that provided it is gone (its stored settings are kept). Secret settings are masked.
 *
 * @param kind            {@code addon} or {@code server}
 * @param settings        addon configuration values by field key; password values are masked
 * @param accessRoles     admin roles that may open an addon's page
 */
public record ModuleInfo(String name, String kind, String displayName, String description, String version,
                         String author, boolean available, boolean active, String installedVersion,
                         List<ConfigField> fields, Map<String, String> settings, List<String> accessRoles) {
    public ModuleInfo {
        fields = List.copyOf(fields);
        settings = Map.copyOf(settings);
        accessRoles = List.copyOf(accessRoles);
    }

    /** What a masked secret looks like; saving it back leaves the stored secret unchanged. */
    public static final String MASK = "********";
}
