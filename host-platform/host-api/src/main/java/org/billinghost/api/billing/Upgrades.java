package org.billinghost.api.billing;

import java.util.List;

import org.billinghost.api.platform.BillingCycle;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Upgrades and downgrades of a service to another product of its group, or to another cycle, prorated as
 * WHMCS does: a credit for the unused part of the current period, a charge for the new product up to the
 * next due date. A positive difference is billed on an upgrade invoice and the change happens when it is
 * paid; otherwise it happens at once (a negative difference becomes the client's credit once applied).
 * The change runs the module's ChangePackage with the new product; if the module refuses, the service
 * keeps its product and cycle and the change is recorded as failed with the reason.
 *
 * @since 2.1
 */
@ProviderType
public interface Upgrades {

    /** What moving the service to {@code newProductId} on {@code newCycle} costs today; changes nothing. */
    UpgradeQuote quote(long serviceId, long newProductId, BillingCycle newCycle);

    /** A quote for every other product of the service's group on every cycle it is sold on (and other cycles of its own). */
    List<UpgradeQuote> options(long serviceId);

    /**
     * Requests the change: an upgrade invoice for a positive difference (the change waits for its payment),
     * otherwise the change is queued at once. {@code paymentMethod} (empty to keep the service's) becomes the
     * service's payment method when the change is applied.
     */
    Upgrade request(long serviceId, long newProductId, BillingCycle newCycle, String paymentMethod);

    /** The service's requested changes, newest first (at most 100). */
    List<Upgrade> history(long serviceId);
}
