package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A client's service (WHMCS's {@code tblhosting}).
 *
 * @param customFields values by custom field name, admin-only ones included
 */
public record ServiceAccount(long id, long clientId, long orderId, long productId, String productName,
                             String module, String domain, ServiceStatus status, BigDecimal amount,
                             Instant created, Map<String, String> customFields) {
    public ServiceAccount {
        customFields = Map.copyOf(customFields);
    }
}
