/**
 * The host's billing services (clients, orders, invoices, services, module commands, the module
 * queue, modules, admins and API credentials), used by the admin area, the client area, the HTTP
 * API and any extension bundle. Refusals are {@link org.billinghost.api.billing.BillingException}s
 * with a category and a message fit to show; a refused call changes nothing.
 */
@Version("2.2.0")
package org.billinghost.api.billing;

import org.osgi.annotation.versioning.Version;
