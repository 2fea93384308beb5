package org.billinghost.api.billing;

import java.util.Map;

/**
 * Changes to a service (UpdateClientProduct, the admin's service page); null parts stay as they are.
 *
 * @param customFields values keyed by custom field id or name
 */
public record ServiceUpdate(String domain, ServiceStatus status, Long productId, Map<String, String> customFields) {
}
