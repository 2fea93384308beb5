package org.billinghost.jetpack.addon.internal;

/** The {@code action} parameter values of the addon's page. */
final class Actions {
    static final String PARTNER_DETAILS = "";
    static final String VALIDATE = "validate_partner_credentials";
    static final String MANAGE_PRODUCT = "manage_product";
    static final String ADD_PRODUCT = "add_product";
    static final String PROVISION_FORM = "provision_jetpack_plans";
    static final String PROVISION = "provision_plan";
    static final String CANCEL_MANUAL_PLAN = "cancel_manual_plan";
    static final String UPDATE_PRODUCT_CREDENTIALS = "update_product_credentials";
    static final String KEEP_PRODUCT_CREDENTIALS = "keep_product_credentials";
    static final String LICENSES = "licenses";
    static final String CREATE_LICENSE_PRODUCTS_FORM = "license_products";
    static final String CREATE_LICENSE_PRODUCTS = "create_license_products";
    static final String REVOKE_LICENSE = "revoke_license";
    static final String ASSIGN_LICENSE = "assign_license";

    private Actions() {
    }
}
