package org.billinghost.api.module;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An addon module (WHMCS's {@code addons/NAME/NAME.php}), registered as an OSGi service with
 * the {@link ModuleProperties#MODULE_NAME} property. The host stores its activation state,
 * installed version and configuration values; the addon holds no state of its own about them.
 */
@ConsumerType
public interface AddonModule {

    /** Name, description, version, author and configuration fields. */
    AddonMetadata metadata();

    /** Called when an admin activates the addon; must be idempotent and never drop data. */
    AddonResult activateAddon();

    /** Called when an admin deactivates the addon; the host keeps the stored configuration. */
    AddonResult deactivateAddon();

    /** Called once, on the first use after the addon's version differs from the installed one. */
    default AddonResult upgrade(String previousVersion) {
        return AddonResult.success("");
    }

    /** The addon's admin page for one request. */
    AddonPage adminOutput(AddonRequest request);

    /** Optional HTML for the admin sidebar next to the addon's page. */
    default Optional<String> sidebar(AddonRequest request) {
        return Optional.empty();
    }

    /** Optional HTML shown to a logged-in client, for the given client id. */
    default Optional<String> clientAreaOutput(long clientId) {
        return Optional.empty();
    }
}
