package org.billinghost.api.module;

import java.util.List;
import java.util.Map;

/**
 * One request to an addon's admin page ({@code /admin/addonmodules?module=NAME}).
 *
 * <p>The host has already checked the admin's login, the addon's access control and, for POST
 * requests, the CSRF token. Forms the addon prints must carry {@link #csrfToken()} in a hidden
 * field named {@code token}.
 *
 * <p>The web area builds it (link, parameters, method, token: the web concerns stay in the web
 * bundle) and the host fills in the addon's own version and configuration with {@link #forAddon}.
 *
 * @param moduleLink  the addon page's path with its module parameter, e.g. {@code /admin/addonmodules?module=jetpack}
 * @param version     the addon's installed version
 * @param config      the addon's saved configuration values, secrets included (for the module's own use only)
 * @param parameters  the request's query and form parameters
 * @param method      {@code GET} or {@code POST}
 * @param admin       the admin making the request
 * @param csrfToken   the session's CSRF token for forms
 */
public record AddonRequest(String moduleLink, String version, Map<String, String> config,
                           Map<String, List<String>> parameters, String method, AdminIdentity admin,
                           String csrfToken) {
    public AddonRequest {
        config = Map.copyOf(config);
        parameters = Map.copyOf(parameters);
    }

    /**
     * This request with the addon's installed version and saved configuration, as the host hands it to the addon.
     *
     * @since 1.2
     */
    public AddonRequest forAddon(String installedVersion, Map<String, String> addonConfig) {
        return new AddonRequest(moduleLink, installedVersion, addonConfig, parameters, method, admin, csrfToken);
    }

    /** The first value of a parameter, or an empty string. */
    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    public boolean isPost() {
        return "POST".equalsIgnoreCase(method);
    }
}
