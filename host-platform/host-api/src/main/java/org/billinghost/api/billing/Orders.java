package org.billinghost.api.billing;

import java.time.LocalDate;
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

    /**
     * Lines an order may have unless the host's setting {@code maxLinesPerOrder} says otherwise.
     *
     * @since 2.0
     */
    int DEFAULT_MAX_LINES_PER_ORDER = 100;

    /**
     * The largest {@link OrderLine#quantity()} unless the host's setting {@code maxQuantityPerLine} says otherwise.
     *
     * @since 2.0
     */
    int DEFAULT_MAX_QUANTITY_PER_LINE = 100;

    /**
     * Places an order. An order with more lines, or a line with a larger quantity, than the host's
     * settings allow is refused before anything is looked up. Placing again with the idempotency key
     * of an order already placed for the same client answers that order and creates nothing, also
     * when both calls run at the same moment.
     */
    Order place(OrderRequest request);

    /**
     * The day by the host's billing clock: an order placed now is registered and falls due on it, and its
     * next period starts one cycle later ({@link org.billinghost.api.platform.BillingCycle#next}).
     *
     * @since 2.1
     */
    LocalDate today();

    /** Accepts a pending order (auto-setup {@code on} runs Create). */
    Order accept(long orderId, boolean runModuleCreate);

    /**
     * Cancels a Pending order on whose invoice no money was taken (as WHMCS, since 2.2: an Active, Cancelled or
     * Fraud order, or one paid in part or in full, is refused), with its pending services and unpaid invoice.
     */
    Order cancel(long orderId);

    /**
     * Sets an Active, Cancelled or Fraud order back to Pending, and its Cancelled services too (WHMCS's
     * PendingOrder); a Cancelled unpaid invoice becomes Unpaid again.
     *
     * @since 2.2
     */
    Order pending(long orderId);

    /**
     * Deletes a Cancelled or Fraud order with its services and invoice (WHMCS's DeleteOrder). Refused when money
     * was taken on its invoice, or when its services have other invoices or upgrades: those records are kept.
     *
     * @since 2.2
     */
    void delete(long orderId);

    Optional<Order> get(long orderId);

    /** Newest first; {@code status} or {@code clientId} 0/null for any. */
    ResultPage<Order> list(OrderStatus status, long clientId, int offset, int limit);

    /** The keys {@link #list(ListQuery, OrderStatus, int, int)} sorts by: number, date, total, status. */
    java.util.List<String> SORT_KEYS = java.util.List.of("id", "date", "total", "status");

    /**
     * Orders of a status (null: any) whose number is the search, or whose client's name or e-mail contains it;
     * newest first unless sorted otherwise.
     */
    ResultPage<Order> list(ListQuery query, OrderStatus status, int offset, int limit);

    /**
     * How many orders of {@code status} (null: any) were placed on the days from {@code from} up to, not including,
     * {@code until} (by the host's billing clock, as {@link #today()}; null: no bound).
     *
     * @since 2.2
     */
    long count(OrderStatus status, LocalDate from, LocalDate until);
}
