package org.billinghost.httpapi.internal;

import org.billinghost.api.billing.Admins;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.api.billing.AuthThrottle;
import org.billinghost.api.billing.Automation;
import org.billinghost.api.billing.CancellationRequests;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Emails;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.ModuleCommands;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.Modules;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.Services;
import org.billinghost.api.billing.Upgrades;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Metrics;

/**
 * The host services the API works on; {@code throttle} counts the attempts to authenticate, {@code metrics} the calls
 * and their latency.
 */
public record ApiBackend(ApiCredentials credentials, AuthThrottle throttle, Admins admins, Clients clients,
                         Catalog catalog, Orders orders, Invoices invoices, Services services,
                         ModuleCommands commands, ModuleQueue queue, Modules modules, ActivityLog activityLog,
                         Upgrades upgrades, Automation automation, CancellationRequests cancellations,
                         Emails emails, Metrics metrics) {
}
