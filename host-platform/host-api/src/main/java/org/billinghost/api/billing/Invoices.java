package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.util.Optional;
import org.billinghost.api.platform.ResultPage;
import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface Invoices {

    Optional<Invoice> get(long invoiceId);

    ResultPage<Invoice> ofClient(long clientId, int offset, int limit);

    /**
     * All clients' invoices, newest first, optionally of one status (null: every status). The lines
     * are not loaded here (an empty list); {@link #get(long)} has them.
     *
     * @since 1.1
     */
    ResultPage<Invoice> list(InvoiceStatus status, int offset, int limit);

    /**
     * Like {@link #list(InvoiceStatus, int, int)}, of one client when {@code clientId} is above 0 (GetInvoices).
     *
     * @since 2.1
     */
    ResultPage<Invoice> list(InvoiceStatus status, long clientId, int offset, int limit);

    /**
     * Records a payment; when the invoice is paid in full it becomes Paid, the order's services
     * with auto-setup {@code payment} get their Create job (same transaction), and InvoicePaid and
     * OrderPaid fire. A transaction id already recorded, in any letter case, is refused, so a payment is
     * never counted twice. A payment above the amount due (since 2.0) pays the invoice and the surplus
     * becomes the client's credit ({@link Client#credit()}), or is refused when the host's setting
     * {@code refuseOverpayment} says so. Amounts above 9,999,999,999.99 are refused.
     */
    Invoice addPayment(long invoiceId, BigDecimal amount, String transactionId, String gateway);

    /** The keys {@link #list(ListQuery, InvoiceStatus, int, int)} sorts by: number, date, due date, total, status. */
    java.util.List<String> SORT_KEYS = java.util.List.of("id", "date", "due", "total", "status");

    /**
     * Invoices of a status (null: any) whose number is the search, or whose client's name or e-mail contains it;
     * newest first unless sorted otherwise.
     */
    ResultPage<Invoice> list(ListQuery query, InvoiceStatus status, int offset, int limit);
}
