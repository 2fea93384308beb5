package org.billinghost.jetpack.addon.internal;

/** Pages of the host's admin area (host-web) the addon links to. */
final class HostPaths {
    static final String CONFIGURE_ADDON = "/admin/configaddonmods?action=configure&module=" + JetpackAddon.NAME;
    /** Groups and bundles are created on the products page, in the forms with these fields. */
    static final String CREATE_GROUP = "/admin/configproducts#groupname";
    static final String BUNDLES = "/admin/configproducts#bundlename";

    private HostPaths() {
    }

    static String service(long serviceId) {
        return "/admin/clientsservices?id=" + serviceId;
    }

    static String editProduct(long productId) {
        return "/admin/configproducts?action=product&id=" + productId;
    }
}
