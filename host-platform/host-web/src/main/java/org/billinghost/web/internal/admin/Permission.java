package org.billinghost.web.internal.admin;

/** The admin permissions the host's roles carry (see {@code Admins.roles()}). */
final class Permission {
    static final String ADDONS = "configaddonmods";
    static final String PRODUCTS = "configproducts";
    static final String CLIENTS = "clients";
    static final String ORDERS = "orders";
    static final String INVOICES = "invoices";
    static final String SERVICES = "services";
    static final String LOGS = "systemlogs";
    static final String QUEUE = "modulequeue";
    static final String ADMIN_USERS = "adminusers";
    static final String API_CREDENTIALS = "apicredentials";

    private Permission() {
    }
}
