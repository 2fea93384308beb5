package org.billinghost.api.billing;

import java.util.Map;

/**
 * Changes to a service (UpdateClientProduct, the admin's service page); null parts stay as they are.
 *
 * @param customFields values keyed by custom field id or name
 * @param subscription (since 2.1) changes to how the service is billed
 */
public record ServiceUpdate(String domain, ServiceStatus status, Long productId, Map<String, String> customFields,
                            SubscriptionChange subscription) {
    /** A change of API 2.0, which left billing as it was. */
    public ServiceUpdate(String domain, ServiceStatus status, Long productId, Map<String, String> customFields) {
        this(domain, status, productId, customFields, null);
    }
}
