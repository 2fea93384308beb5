package org.billinghost.api.module;

import java.util.regex.Pattern;

/** Service properties and naming rules shared by every module. */
public final class ModuleProperties {
    /** Service property naming the module, e.g. {@code jetpack}; both module kinds carry it. */
    public static final String MODULE_NAME = "billing.module.name";

    /**
     * Module names are lower case letters, digits and underscores, starting with a letter (WHMCS's names, e.g.
     * {@code jetpack_licensing}). Underscores since 1.3.
     */
    public static final Pattern NAME_PATTERN = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Server modules may declare at most this many config options (configoption1..24). */
    public static final int MAX_CONFIG_OPTIONS = 24;

    private ModuleProperties() {
    }

    public static boolean isValidName(String name) {
        return name != null && NAME_PATTERN.matcher(name).matches();
    }
}
