package org.billinghost.jetpack.addon.internal;

import org.billinghost.api.platform.ModuleTemplates;
import org.billinghost.web.internal.BundleTemplates;

/** The host's template service on this bundle's templates, as the addon gets it inside the host. */
final class TestTemplates {
    private TestTemplates() {
    }

    static ModuleTemplates addon() {
        return new BundleTemplates(JetpackAddon.class.getClassLoader(), "jetpack-addon-bundle");
    }
}
