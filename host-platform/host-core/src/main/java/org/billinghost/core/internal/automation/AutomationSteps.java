package org.billinghost.core.internal.automation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.billinghost.api.billing.Invoice.LineType;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.commands.JobQueue;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.mail.MailOutbox;
import org.billinghost.core.internal.orders.InvoiceService;
import org.billinghost.core.internal.orders.ServiceRow;
import org.billinghost.core.internal.orders.ServiceStore;
import org.billinghost.core.internal.time.BillingClock;

/**
 * What each step does to one item, inside the item's transaction, and which items it looks at. Every item
 * locks its service row and decides again on what it reads under the lock, so two runs at once (a run
 * by hand beside the scheduled one) queue nothing twice; a renewal period is billed once by the unique key
 * uq_invoice_items_period.
 */
final class AutomationSteps {
    private static final String ACTIVE = ServiceStatus.ACTIVE.label();
    private static final String SUSPENDED = ServiceStatus.SUSPENDED.label();

    private final Jdbc jdbc;
    private final JobQueue jobs;
    private final InvoiceService invoices;
    private final ActivityLog activity;
    private final HookPublisher hooks;
    private final BillingClock clock;
    private final ServiceStore services;
    private final InvoiceNotices notices;

    AutomationSteps(Jdbc jdbc, JobQueue jobs, InvoiceService invoices, ActivityLog activity, HookPublisher hooks,
                    BillingClock clock, MailOutbox mail) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.invoices = invoices;
        this.activity = activity;
        this.hooks = hooks;
        this.clock = clock;
        this.services = new ServiceStore(jdbc, clock);
        this.notices = new InvoiceNotices(jdbc, mail, clock);
    }

    /**
     * The next page of the step's candidates after {@code cursor} (keyset paging on the service id, the
     * invoice id for the notices, so a run never holds more than a page); each is checked again under its lock.
     */
    List<Long> candidates(Step step, AutomationSettings settings, long cursor, int limit) {
        LocalDate today = clock.today();
        return switch (step) {
            case INVOICES -> ids("SELECT id FROM services WHERE next_invoice_date <= ? AND status IN (?, ?) AND id > ?"
                    + " AND NOT EXISTS (SELECT 1 FROM cancel_requests c WHERE c.service_id = services.id)"
                    + " ORDER BY id LIMIT ?", today.plusDays(settings.invoiceDaysAhead()), ACTIVE, SUSPENDED, cursor, limit);
            case SUSPEND -> ids("SELECT id FROM services WHERE next_due_date <= ? AND status = ? AND id > ?"
                    + " ORDER BY id LIMIT ?", today.minusDays(settings.suspendDays()), ACTIVE, cursor, limit);
            case TERMINATE -> ids("SELECT id FROM services WHERE next_due_date <= ? AND status IN (?, ?) AND id > ?"
                    + " ORDER BY id LIMIT ?", today.minusDays(settings.terminateDays()), ACTIVE, SUSPENDED, cursor, limit);
            case CANCELLATIONS -> ids("SELECT c.service_id FROM cancel_requests c JOIN services s ON s.id = c.service_id"
                    + " WHERE c.effective_date <= ? AND s.status IN (?, ?, ?) AND c.service_id > ? ORDER BY c.service_id"
                    + " LIMIT ?", today, ACTIVE, SUSPENDED, ServiceStatus.PENDING.label(), cursor, limit);
            case NOTICES -> notices.candidates(settings, cursor, limit);
        };
    }

    private List<Long> ids(String sql, Object... params) {
        return jdbc.query(sql, rs -> rs.getLong(1), params);
    }

    /**
     * Bills the service's next period if it is due: on the client's unpaid renewal invoice due that day, or
     * on a new one; moves the next invoice date one cycle on. Answers the new next invoice date, empty when
     * nothing was due.
     */
    Optional<LocalDate> invoiceNextPeriod(long serviceId, AutomationSettings settings) {
        ServiceRow service = locked(serviceId);
        LocalDate from = service.subscription().nextInvoiceDate();
        if (from == null || !service.subscription().cycle().recurring()
                || from.minusDays(settings.invoiceDaysAhead()).isAfter(clock.today())
                || !(service.status() == ServiceStatus.ACTIVE || service.status() == ServiceStatus.SUSPENDED)
                || jdbc.queryLong("SELECT COUNT(*) FROM cancel_requests WHERE service_id = ?", serviceId) > 0) {
            return Optional.empty();
        }
        LocalDate to = service.subscription().cycle().next(from, service.billingDay());
        BigDecimal amount = service.amount();
        // the name alone: the catalog's product would also read its custom fields and prices, for every renewal
        String product = jdbc.queryOne("SELECT name FROM products WHERE id = ?", rs -> rs.getString(1),
                service.productId()).orElse("Service #" + serviceId);
        // the client's lock: two runs at once billing two of its services put them on one invoice
        jdbc.queryLong("SELECT id FROM clients WHERE id = ? FOR UPDATE", service.clientId());
        long invoiceId = openRenewalInvoice(service.clientId(), from)
                .orElseGet(() -> invoices.create(service.clientId(), 0, BigDecimal.ZERO, from));
        invoices.addLine(invoiceId, serviceId, InvoiceService.lineDescription(product, service.domain(), from, to),
                amount, LineType.RENEWAL, from, to);
        jdbc.update("UPDATE invoices SET total = total + ? WHERE id = ?", amount, invoiceId);
        moveNextInvoiceDate(serviceId, from, to);
        return Optional.of(to);
    }

    /**
     * After the unique key refused the service's next period (an admin moved its dates back over a billed
     * one): leaves that period billed as it is and moves on to the next one.
     */
    void passBilledPeriod(long serviceId) {
        ServiceRow service = locked(serviceId);
        LocalDate from = service.subscription().nextInvoiceDate();
        if (from != null && service.subscription().cycle().recurring() && jdbc.queryLong("SELECT COUNT(*) FROM"
                + " invoice_items WHERE service_id = ? AND item_type = ? AND period_from = ?", serviceId,
                LineType.RENEWAL.code(), from) > 0) {
            moveNextInvoiceDate(serviceId, from, service.subscription().cycle().next(from, service.billingDay()));
        }
    }

    private void moveNextInvoiceDate(long serviceId, LocalDate from, LocalDate to) {
        jdbc.update("UPDATE services SET next_invoice_date = ?, updated = ? WHERE id = ? AND next_invoice_date = ?",
                to, clock.millis(), serviceId, from);
    }

    /** The client's unpaid renewal invoice due on {@code dueDate}: one invoice per client and due date. */
    private Optional<Long> openRenewalInvoice(long clientId, LocalDate dueDate) {
        return jdbc.queryOne("SELECT i.id FROM invoices i WHERE i.client_id = ? AND i.due_date = ? AND i.status = ?"
                + " AND i.order_id IS NULL AND EXISTS (SELECT 1 FROM invoice_items it WHERE it.invoice_id = i.id"
                + " AND it.item_type = ?) ORDER BY i.id LIMIT 1", rs -> rs.getLong(1), clientId, dueDate,
                InvoiceStatus.UNPAID.label(), LineType.RENEWAL.code());
    }

    /** Queues the Suspend of an Active service overdue by the configured days, unless overridden or queued. */
    boolean suspend(long serviceId, AutomationSettings settings) {
        ServiceRow service = locked(serviceId);
        LocalDate today = clock.today();
        if (service.status() != ServiceStatus.ACTIVE || !overdue(service, settings.suspendDays())
                || service.subscription().suspensionOverridden(today)
                || jobs.hasUnfinished(serviceId, ModuleCommand.SUSPEND)) {
            return false;
        }
        jobs.enqueue(serviceId, ModuleCommand.SUSPEND, "");
        services.suspendReason(serviceId, InvoiceService.OVERDUE);
        activity.log("Cron Job: Suspending Service - Service ID: " + serviceId, service.clientId());
        fireAfterCommit(HookTopics.AUTOMATION_SUSPEND, service);
        return true;
    }

    /**
     * Queues the Terminate of an Active or Suspended service overdue by the configured days. The override
     * of auto-suspension holds termination back too: a service an admin keeps running is not terminated.
     */
    boolean terminate(long serviceId, AutomationSettings settings) {
        ServiceRow service = locked(serviceId);
        if (!(service.status() == ServiceStatus.ACTIVE || service.status() == ServiceStatus.SUSPENDED)
                || !overdue(service, settings.terminateDays())
                || service.subscription().suspensionOverridden(clock.today())
                || jobs.hasUnfinished(serviceId, ModuleCommand.TERMINATE)) {
            return false;
        }
        jobs.enqueue(serviceId, ModuleCommand.TERMINATE, "");
        activity.log("Cron Job: Terminating Service - Service ID: " + serviceId, service.clientId());
        fireAfterCommit(HookTopics.AUTOMATION_TERMINATE, service);
        return true;
    }

    /**
     * Queues the Terminate of a service whose cancellation request's day has come (it becomes Cancelled when
     * the command succeeds) and cancels its unpaid invoices that bill nothing else.
     */
    boolean cancel(long serviceId) {
        ServiceRow service = locked(serviceId);
        if (service.status() == ServiceStatus.TERMINATED || service.status() == ServiceStatus.CANCELLED
                || jobs.hasUnfinished(serviceId, ModuleCommand.TERMINATE)) {
            return false;
        }
        jobs.enqueue(serviceId, ModuleCommand.TERMINATE, "");
        for (long invoiceId : ids("SELECT i.id FROM invoices i WHERE i.status = ? AND EXISTS (SELECT 1 FROM invoice_items"
                + " it WHERE it.invoice_id = i.id AND it.service_id = ?) AND NOT EXISTS (SELECT 1 FROM invoice_items it"
                + " WHERE it.invoice_id = i.id AND it.service_id <> ?)", InvoiceStatus.UNPAID.label(), serviceId, serviceId)) {
            invoices.cancelUnpaid(invoiceId);
        }
        activity.log("Cron Job: Processing Cancellation Request - Service ID: " + serviceId, service.clientId());
        fireAfterCommit(HookTopics.AUTOMATION_TERMINATE, service);
        return true;
    }

    /** Queues the payment reminder or overdue notice that applies to an unpaid invoice, once. */
    boolean queueNotice(long invoiceId, AutomationSettings settings) {
        return notices.queueNotice(invoiceId, settings);
    }

    private boolean overdue(ServiceRow service, int days) {
        LocalDate due = service.subscription().nextDueDate();
        return due != null && !due.isAfter(clock.today().minusDays(days));
    }

    /** The service read under its row lock: what concurrent runs and payments change waits for this item. */
    private ServiceRow locked(long serviceId) {
        jdbc.queryLong("SELECT id FROM services WHERE id = ? FOR UPDATE", serviceId);
        return services.find(serviceId).orElseThrow();
    }

    private void fireAfterCommit(String topic, ServiceRow service) {
        Map<String, Object> properties = Map.of(HookTopics.SERVICE_ID, service.id(), HookTopics.CLIENT_ID,
                service.clientId());
        jdbc.afterCommit(() -> hooks.post(topic, properties));
    }
}
