package org.billinghost.api.billing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.AdminIdentity;
import org.osgi.annotation.versioning.ProviderType;

/** The installed modules and the addons' settings. */
@ProviderType
public interface Modules {

    /** Addons, available ones and those whose bundle is gone but whose settings are stored. */
    List<ModuleInfo> addons();

    Optional<ModuleInfo> addon(String name);

    /** Server modules currently available. */
    List<ModuleInfo> serverModules();

    Optional<ModuleInfo> serverModule(String name);

    /** Calls the addon's activate; an error answer leaves it inactive. */
    AddonResult activate(String name);

    AddonResult deactivate(String name);

    /**
     * Saves an addon's settings and access roles and fires AddonModuleConfigSave; a password field
     * sent as {@link ModuleInfo#MASK} or empty keeps its stored value. Answers the keys that changed.
     */
    List<String> saveConfiguration(String name, Map<String, String> values, List<String> accessRoles,
                                   AdminIdentity admin);

    /**
     * Renders an active addon's admin page; refuses roles outside the access list (the request's
     * admin is checked). The caller (the web area) fills in the page link, parameters, method and
     * form token; the host replaces the version and configuration with the addon's stored ones.
     *
     * @since 2.0
     */
    AddonPage adminOutput(String name, AddonRequest request);

    /**
     * The sidebar HTML of an active, available addon for an admin its access list allows; empty when
     * the addon offers none, may not be shown to this admin, or fails (the failure is logged). The
     * request is filled in as for {@link #adminOutput}.
     *
     * @since 2.0
     */
    Optional<String> adminSidebar(String name, AddonRequest request);

    /**
     * The client-area HTML of every active, available addon for one client, by addon name in name
     * order; an addon that offers none or fails (logged) is left out.
     *
     * @since 1.1
     */
    Map<String, String> clientAreaOutputs(long clientId);
}
