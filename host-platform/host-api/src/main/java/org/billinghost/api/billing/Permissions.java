package org.billinghost.api.billing;

import java.util.List;

/**
 * The admin permissions a role can carry (WHMCS's names), as seeded by the host's migrations: the
 * admin area, the HTTP API and {@link Admins#saveRole} use these names, and a test keeps this list
 * and the seed rows equal.
 *
 * @since 2.0
 */
public final class Permissions {
    /** Activate, configure and open addon modules. */
    public static final String CONFIG_ADDON_MODULES = "configaddonmods";
    /** Product groups, products, custom fields and bundles. */
    public static final String CONFIG_PRODUCTS = "configproducts";
    public static final String CLIENTS = "clients";
    public static final String ORDERS = "orders";
    public static final String INVOICES = "invoices";
    /** Services and their module commands. */
    public static final String SERVICES = "services";
    /** The activity and module logs. */
    public static final String SYSTEM_LOGS = "systemlogs";
    public static final String MODULE_QUEUE = "modulequeue";
    public static final String ADMIN_USERS = "adminusers";
    public static final String API_CREDENTIALS = "apicredentials";
    /** The daily automation: its runs, and running it now. @since 2.1 */
    public static final String AUTOMATION = "automation";
    /** Cancellation requests: the list, and asking for one on a customer's behalf. @since 2.1 */
    public static final String CANCELLATION_REQUESTS = "cancelrequests";
    /** E-mail: the SMTP settings, the templates and the log of every message. @since 2.2 */
    public static final String EMAIL = "email";

    /** Every permission above, in this order. */
    public static final List<String> ALL = List.of(CONFIG_ADDON_MODULES, CONFIG_PRODUCTS, CLIENTS, ORDERS, INVOICES,
            SERVICES, SYSTEM_LOGS, MODULE_QUEUE, ADMIN_USERS, API_CREDENTIALS, AUTOMATION, CANCELLATION_REQUESTS,
            EMAIL);

    private Permissions() {
    }
}
