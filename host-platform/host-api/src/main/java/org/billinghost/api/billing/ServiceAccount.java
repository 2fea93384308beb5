package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.billinghost.api.platform.BillingCycle;

/**
 * A client's service (WHMCS's {@code tblhosting}).
 *
 * @param amount       the recurring amount (the same as {@code subscription.recurringAmount()})
 * @param customFields values by custom field name, admin-only ones included
 * @param subscription (since 2.1) how the service is billed over time
 */
public record ServiceAccount(long id, long clientId, long orderId, long productId, String productName,
                             String module, String domain, ServiceStatus status, BigDecimal amount,
                             Instant created, Map<String, String> customFields, Subscription subscription) {
    public ServiceAccount {
        customFields = Map.copyOf(customFields);
        subscription = subscription == null ? new Subscription(BillingCycle.ONETIME, amount, amount, null, null, null,
                null, "", false, null, "") : subscription;
    }

    /** A service of API 2.0, billed once. */
    public ServiceAccount(long id, long clientId, long orderId, long productId, String productName, String module,
                          String domain, ServiceStatus status, BigDecimal amount, Instant created,
                          Map<String, String> customFields) {
        this(id, clientId, orderId, productId, productName, module, domain, status, amount, created, customFields, null);
    }
}
