package org.billinghost.api.billing;

/**
 * Which services a {@link Services#list(ServiceFilter, int, int)} answers: every condition given
 * must hold. {@code clientId} and {@code productId} 0 mean any; {@code domain} null or blank means
 * any, otherwise the service's domain equals it ignoring case.
 */
public record ServiceFilter(long clientId, long productId, String domain) {

    /** Every service. */
    public static ServiceFilter all() {
        return new ServiceFilter(0, 0, null);
    }

    public ServiceFilter {
        domain = domain == null || domain.isBlank() ? null : domain.strip();
    }
}
