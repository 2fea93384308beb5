package org.billinghost.jetpack.addon.internal;

/** Pages of the host's admin area the addon links to. */
final class HostPaths {
    static final String CONFIGURE_ADDONS = "/admin/configaddonmods";
    static final String PRODUCTS = "/admin/configproducts";
    static final String CREATE_GROUP = "/admin/configproducts?action=creategroup";
    static final String BUNDLES = "/admin/configbundles";

    private HostPaths() {
    }

    static String editProduct(long productId) {
        return PRODUCTS + "?action=edit&id=" + productId;
    }
}
