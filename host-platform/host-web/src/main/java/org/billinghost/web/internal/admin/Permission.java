package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.Permissions;

/** The admin area's short names for the API's {@link Permissions}. */
final class Permission {
    static final String ADDONS = Permissions.CONFIG_ADDON_MODULES;
    static final String PRODUCTS = Permissions.CONFIG_PRODUCTS;
    static final String CLIENTS = Permissions.CLIENTS;
    static final String ORDERS = Permissions.ORDERS;
    static final String INVOICES = Permissions.INVOICES;
    static final String SERVICES = Permissions.SERVICES;
    static final String LOGS = Permissions.SYSTEM_LOGS;
    static final String QUEUE = Permissions.MODULE_QUEUE;
    static final String ADMIN_USERS = Permissions.ADMIN_USERS;
    static final String API_CREDENTIALS = Permissions.API_CREDENTIALS;
    static final String AUTOMATION = Permissions.AUTOMATION;
    static final String CANCELLATIONS = Permissions.CANCELLATION_REQUESTS;
    static final String EMAIL = Permissions.EMAIL;

    private Permission() {
    }
}
