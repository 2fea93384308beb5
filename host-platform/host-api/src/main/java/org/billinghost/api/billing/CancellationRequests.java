package org.billinghost.api.billing;

import java.util.Optional;

import org.billinghost.api.platform.ResultPage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Customers' requests to cancel a service (WHMCS's cancellation requests). The daily automation terminates
 * the service when the request's day has come and the service becomes Cancelled; until then it gets no
 * further renewal invoice.
 *
 * @since 2.1
 */
@ProviderType
public interface CancellationRequests {

    /** The longest reason accepted. */
    int MAX_REASON_LENGTH = 1000;

    /**
     * Records a request and fires CancellationRequest.
     *
     * @throws BillingException not found for an unknown service; conflict for a Terminated or Cancelled
     *                          service or one that already has a request; invalid for a reason too long
     */
    CancellationRequest request(long serviceId, CancellationRequest.Type type, String reason);

    /** Every request, newest first. */
    ResultPage<CancellationRequest> list(int offset, int limit);

    Optional<CancellationRequest> ofService(long serviceId);
}
