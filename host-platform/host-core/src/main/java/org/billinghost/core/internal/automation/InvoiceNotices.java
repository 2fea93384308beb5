package org.billinghost.core.internal.automation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.mail.MailOutbox;
import org.billinghost.core.internal.mail.MailTemplate;
import org.billinghost.core.internal.time.BillingClock;

/**
 * The automation's notices step: the payment reminder before an unpaid invoice's due date and the first and
 * second overdue notices after it (WHMCS's "Invoice Payment Reminder", "First/Second Invoice Overdue Notice").
 * Each is queued in the outbox under the key {@code template:invoiceId}, so a rerun, or two runs at once,
 * queue an invoice's notice once. After days without a run only the latest notice that applies is sent.
 */
final class InvoiceNotices {
    /** How late a notice is still sent (a host down for days); older unpaid invoices are no longer read. */
    static final int CATCH_UP_DAYS = 30;

    private record Unpaid(long clientId, LocalDate dueDate, long created) {
    }

    private final Jdbc jdbc;
    private final MailOutbox mail;
    private final BillingClock clock;

    InvoiceNotices(Jdbc jdbc, MailOutbox mail, BillingClock clock) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * The next page of unpaid invoices after {@code cursor} (keyset paging on the invoice id) whose due date is
     * in the window where a notice can apply; the index on (status, due_date) finds them.
     */
    List<Long> candidates(AutomationSettings settings, long cursor, int limit) {
        LocalDate today = clock.today();
        int latest = Math.max(settings.firstOverdueDays(), settings.secondOverdueDays());
        return jdbc.query("SELECT id FROM invoices WHERE status = ? AND due_date >= ? AND due_date <= ? AND id > ?"
                + " ORDER BY id LIMIT ?", rs -> rs.getLong(1), InvoiceStatus.UNPAID.label(),
                today.minusDays(latest + CATCH_UP_DAYS), today.plusDays(settings.reminderDays()), cursor, limit);
    }

    /**
     * Queues the latest notice that applies to the invoice, read under its row lock (a payment committed
     * before it leaves nothing to send); false when none applies or it was queued before.
     */
    boolean queueNotice(long invoiceId, AutomationSettings settings) {
        Optional<Unpaid> invoice = jdbc.queryOne("SELECT client_id, status, due_date, created FROM invoices"
                + " WHERE id = ? FOR UPDATE", rs -> InvoiceStatus.UNPAID.label().equals(rs.getString("status"))
                ? new Unpaid(rs.getLong("client_id"), rs.getObject("due_date", LocalDate.class), rs.getLong("created"))
                : null, invoiceId);
        if (invoice.isEmpty() || invoice.get().dueDate() == null) {
            return false;
        }
        return notice(invoice.get(), settings)
                .map(template -> mail.queue(template, invoice.get().clientId(), invoiceId, String.valueOf(invoiceId)) > 0)
                .orElse(false);
    }

    /**
     * The latest notice whose day has come (at most {@link #CATCH_UP_DAYS} ago). No reminder on the day the
     * invoice was created: its Invoice Created message says the same.
     */
    private Optional<MailTemplate> notice(Unpaid invoice, AutomationSettings settings) {
        LocalDate today = clock.today();
        LocalDate due = invoice.dueDate();
        if (overdueSince(due, settings.secondOverdueDays(), today)) {
            return Optional.of(MailTemplate.INVOICE_SECOND_OVERDUE);
        }
        if (overdueSince(due, settings.firstOverdueDays(), today)) {
            return Optional.of(MailTemplate.INVOICE_FIRST_OVERDUE);
        }
        if (settings.reminderDays() > 0 && today.isBefore(due) && !today.isBefore(due.minusDays(settings.reminderDays()))
                && invoice.created() < clock.startOf(today)) {
            return Optional.of(MailTemplate.INVOICE_PAYMENT_REMINDER);
        }
        return Optional.empty();
    }

    private static boolean overdueSince(LocalDate due, int days, LocalDate today) {
        LocalDate day = due.plusDays(days);
        return days > 0 && !today.isBefore(day) && !today.isAfter(day.plusDays(CATCH_UP_DAYS));
    }
}
