package org.billinghost.api.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * Creates an unpaid invoice of a client that bills no order, with {@link Invoice.LineType#ITEM} lines (1 to
     * 100, each a description of 1 to 255 characters and an amount), due on {@code dueDate}. An invoice of 0.00
     * is paid at once, as an order's is.
     *
     * @since 2.2
     */
    Invoice create(long clientId, LocalDate dueDate, List<Item> items);

    /**
     * Changes an invoice in one step (null: unchanged; WHMCS's UpdateInvoice): {@code status} Cancelled for an
     * unpaid invoice on which no money was taken, or Unpaid for a cancelled one; {@code dueDate} and
     * {@code newItems} (added as in {@link #create}, raising the total) of an invoice not paid. Answers the
     * invoice as it is then.
     *
     * @since 2.2
     */
    Invoice update(long invoiceId, InvoiceStatus status, LocalDate dueDate, List<Item> newItems);

    /**
     * A line of {@link #create}.
     *
     * @since 2.2
     */
    record Item(String description, BigDecimal amount) {
    }

    /**
     * The payments recorded, oldest first, narrowed by invoice, client and transaction id (letter case ignored)
     * where these are given (0 or null: any).
     *
     * @since 2.2
     */
    ResultPage<Transaction> transactions(long invoiceId, long clientId, String transactionId, int offset, int limit);

    /**
     * Pays an unpaid invoice from its client's credit: {@code amount}, or (null) as much as both the credit and
     * the balance allow. An amount above the balance or the credit is refused. Paying in full does what a
     * payment in full does (see {@link #addPayment}).
     *
     * @since 2.2
     */
    Invoice applyCredit(long invoiceId, BigDecimal amount);

    /**
     * Adds to (a positive amount) or removes from (a negative one) a client's credit, with a description
     * (1 to 255 characters); removing more than the balance is refused. Answers the new balance.
     *
     * @since 2.2
     */
    BigDecimal changeCredit(long clientId, BigDecimal amount, String description);

    /**
     * A client's credit entries, oldest first.
     *
     * @since 2.2
     */
    ResultPage<CreditEntry> credits(long clientId, int offset, int limit);

    /** The keys {@link #list(ListQuery, InvoiceStatus, int, int)} sorts by: number, date, due date, total, status. */
    java.util.List<String> SORT_KEYS = java.util.List.of("id", "date", "due", "total", "status");

    /**
     * Invoices of a status (null: any) whose number is the search, or whose client's name or e-mail contains it;
     * newest first unless sorted otherwise.
     */
    ResultPage<Invoice> list(ListQuery query, InvoiceStatus status, int offset, int limit);

    /**
     * The money the payments recorded on the days from {@code from} up to, not including, {@code until} (by the
     * host's billing clock; null: no bound) brought in, surpluses that became credit included, with 2 decimals.
     *
     * @since 2.2
     */
    BigDecimal income(LocalDate from, LocalDate until);
}
