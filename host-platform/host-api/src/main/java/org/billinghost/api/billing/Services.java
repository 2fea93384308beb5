package org.billinghost.api.billing;

import java.util.Optional;
import org.billinghost.api.platform.ResultPage;
import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface Services {

    Optional<ServiceAccount> get(long serviceId);

    /** {@code clientId} 0 for all clients; ordered by id. */
    ResultPage<ServiceAccount> list(long clientId, int offset, int limit);

    /** The services matching {@code filter}, ordered by id; the database's indexes select them. */
    ResultPage<ServiceAccount> list(ServiceFilter filter, int offset, int limit);

    /** Applies the changes in one transaction and fires ServiceEdit. */
    ServiceAccount update(long serviceId, ServiceUpdate update);

    /** The keys {@link #list(ListQuery, int, int)} sorts by: number, domain, status, next due date, amount. */
    java.util.List<String> SORT_KEYS = java.util.List.of("id", "domain", "status", "nextdue", "amount");

    /**
     * Services whose domain (the site) contains the search, or whose number is the search; newest first unless
     * sorted otherwise.
     */
    ResultPage<ServiceAccount> list(ListQuery query, int offset, int limit);
}
