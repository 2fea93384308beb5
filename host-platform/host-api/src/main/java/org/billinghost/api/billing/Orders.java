package org.billinghost.api.billing;

import java.util.Optional;
import org.billinghost.api.platform.ResultPage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Orders and the order workflow. Placing an order stores the order, its invoice (paid at once
 * when the total is zero), its services and their custom field values, and the automatic module
 * jobs its products' auto-setup asks for, in one transaction, before it returns.
 */
@ProviderType
public interface Orders {

    Order place(OrderRequest request);

    /** Accepts a pending order (auto-setup {@code on} runs Create). */
    Order accept(long orderId, boolean runModuleCreate);

    /** Cancels the order and its pending services and unpaid invoice. */
    Order cancel(long orderId);

    Optional<Order> get(long orderId);

    /** Newest first; {@code status} or {@code clientId} 0/null for any. */
    ResultPage<Order> list(OrderStatus status, long clientId, int offset, int limit);
}
