package org.billinghost.core.internal.upgrades;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.Upgrade;
import org.billinghost.api.billing.UpgradeQuote;
import org.billinghost.api.billing.Upgrades;
import org.billinghost.api.billing.Invoice.LineType;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.commands.JobQueue;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.orders.InvoiceService;
import org.billinghost.core.internal.orders.ServiceRow;
import org.billinghost.core.internal.orders.ServiceStore;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Quotes and requests of upgrades and downgrades ({@link Proration} has the arithmetic). A positive
 * difference is billed on an upgrade invoice whose payment queues the change ({@link ProductChanges});
 * zero or negative queues it at once. Every refusal names the field at fault and changes nothing.
 */
@Component(service = Upgrades.class)
public final class UpgradeService implements Upgrades {
    private static final int MAX_PAYMENT_METHOD = 64;

    private final Jdbc jdbc;
    private final Catalog catalog;
    private final InvoiceService invoices;
    private final JobQueue jobs;
    private final ActivityLog activity;
    private final BillingClock clock;
    private final ServiceStore services;

    @Activate
    public UpgradeService(@Reference Jdbc jdbc, @Reference Catalog catalog, @Reference InvoiceService invoices,
                          @Reference JobQueue jobs, @Reference ActivityLog activity, @Reference BillingClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.invoices = invoices;
        this.jobs = jobs;
        this.activity = activity;
        this.clock = clock;
        this.services = new ServiceStore(jdbc, clock);
    }

    @Override
    public UpgradeQuote quote(long serviceId, long newProductId, BillingCycle newCycle) {
        ServiceRow service = service(serviceId);
        return quote(service, current(service), newProduct(newProductId), newCycle);
    }

    @Override
    public List<UpgradeQuote> options(long serviceId) {
        ServiceRow service = service(serviceId);
        Product current = current(service);
        List<UpgradeQuote> quotes = new ArrayList<>();
        for (Product product : catalog.productsInGroup(current.groupId())) {
            for (BillingCycle cycle : product.cycles()) {
                if (product.id() != current.id() || cycle != service.subscription().cycle()) {
                    quotes.add(quote(service, current, product, cycle));
                }
            }
        }
        return quotes;
    }

    @Override
    public Upgrade request(long serviceId, long newProductId, BillingCycle newCycle, String paymentMethod) {
        String method = paymentMethod == null ? "" : paymentMethod.trim();
        if (method.length() > MAX_PAYMENT_METHOD) {
            throw BillingException.invalid("paymentmethod", "The payment method is longer than " + MAX_PAYMENT_METHOD
                    + " characters");
        }
        long id = jdbc.inTransaction(() -> {
            ServiceRow service = service(serviceId);
            cancelStale(serviceId);
            UpgradeQuote quote = quote(service, current(service), newProduct(newProductId), newCycle);
            refuseWhilePending(service);
            return store(service, quote, method);
        });
        return jdbc.queryOne("SELECT " + UpgradeRow.COLUMNS + " FROM service_upgrades WHERE id = ?", UpgradeRow.MAPPER,
                id).orElseThrow().toUpgrade();
    }

    @Override
    public List<Upgrade> history(long serviceId) {
        service(serviceId);
        cancelStale(serviceId);
        return jdbc.query("SELECT " + UpgradeRow.COLUMNS + " FROM service_upgrades WHERE service_id = ? ORDER BY id DESC"
                + " LIMIT 100", UpgradeRow.MAPPER, serviceId).stream().map(UpgradeRow::toUpgrade).toList();
    }

    private long store(ServiceRow service, UpgradeQuote quote, String method) {
        long now = clock.millis();
        long id;
        try {
            id = jdbc.insert("INSERT INTO service_upgrades (service_id, client_id, invoice_id, old_product_id,"
                    + " new_product_id, old_cycle, new_cycle, credit, charge, amount, new_recurring, moves_due_date,"
                    + " new_next_due_date, payment_method, state, pending_service_id, reason, refund, created, updated)"
                    + " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, '', FALSE, ?, ?)",
                    service.id(), service.clientId(), quote.oldProductId(), quote.newProductId(), quote.oldCycle().code(),
                    quote.newCycle().code(), quote.credit(), quote.charge(), quote.difference(), quote.newRecurring(),
                    movesDueDate(service, quote), quote.nextDueDate(), method, service.id(), now, now);
        } catch (DataAccessException e) {
            // uq_service_upgrades_pending: another request for this service won the race
            throw e.isUniqueViolation() ? pendingRefusal(service.id()) : e;
        }
        String change = ProductChanges.describe(quote.oldProductName(), quote.oldCycle(), quote.newProductName(),
                quote.newCycle());
        if (quote.difference().signum() > 0) {
            LocalDate today = quote.today();
            long invoiceId = invoices.create(service.clientId(), 0, quote.difference(), today);
            // the period is named, not stored: a change cancelled and asked again the same day is billed again
            invoices.addLine(invoiceId, service.id(), "Upgrade/Downgrade: " + change + (quote.nextDueDate() == null
                    ? "" : " (" + today + " - " + quote.nextDueDate().minusDays(1) + ")"), quote.difference(),
                    LineType.UPGRADE, null, null);
            jdbc.update("UPDATE service_upgrades SET invoice_id = ? WHERE id = ?", invoiceId, id);
        } else {
            jobs.enqueue(service.id(), ModuleCommand.CHANGE_PACKAGE, ProductChanges.jobFunction(id));
        }
        activity.log("Upgrade/Downgrade Requested: Service ID: " + service.id() + " - " + change + " - "
                + quote.difference().toPlainString(), service.clientId());
        return id;
    }

    /** Whether applying sets the next due date: the service does not recur now, or will not after. */
    private static boolean movesDueDate(ServiceRow service, UpgradeQuote quote) {
        return service.subscription().nextDueDate() == null || !service.subscription().cycle().recurring()
                || !quote.newCycle().recurring();
    }

    private UpgradeQuote quote(ServiceRow service, Product current, Product product, BillingCycle cycle) {
        if (service.status() != ServiceStatus.ACTIVE && service.status() != ServiceStatus.SUSPENDED) {
            throw BillingException.invalid("serviceid", "Service " + service.id() + " is " + service.status().label()
                    + ": only an Active or Suspended service can be upgraded or downgraded");
        }
        if (product.groupId() != current.groupId()) {
            throw BillingException.invalid("newproductid", "Product '" + product.name() + "' is not in the group of"
                    + " the service's product '" + current.name() + "'");
        }
        if (cycle == null) {
            throw BillingException.invalid("newproductbillingcycle", "A billing cycle for the new product is required");
        }
        CyclePrice price = product.priceOn(cycle).orElseThrow(() -> BillingException.invalid("newproductbillingcycle",
                "Product '" + product.name() + "' is not sold " + cycle.label() + "; it is sold " + product.cycles()
                        .stream().map(BillingCycle::label).collect(Collectors.joining(", "))));
        if (product.id() == current.id() && cycle == service.subscription().cycle()) {
            throw BillingException.invalid("newproductid", "The service is already on '" + product.name() + "' "
                    + cycle.label());
        }
        LocalDate today = clock.today();
        Proration p = Proration.of(service.subscription().cycle(), service.amount(), service.subscription().nextDueDate(),
                service.billingDay(), cycle, price.price(), today);
        BigDecimal recurring = cycle.recurring() ? price.price() : BigDecimal.ZERO.setScale(2);
        return new UpgradeQuote(service.id(), current.id(), current.name(), service.subscription().cycle(), product.id(),
                product.name(), cycle, today, p.daysLeft(), p.totalDays(), p.credit(), p.charge(), p.difference(),
                recurring, p.nextDueDate());
    }

    /** One change at a time, and none while an invoice of the service is unpaid (WHMCS asks for it to be settled). */
    private void refuseWhilePending(ServiceRow service) {
        if (jdbc.queryLong("SELECT COUNT(*) FROM service_upgrades WHERE pending_service_id = ?", service.id()) > 0) {
            throw pendingRefusal(service.id());
        }
        List<Long> unpaid = jdbc.query("SELECT DISTINCT i.id FROM invoices i JOIN invoice_items it ON it.invoice_id = i.id"
                + " WHERE it.service_id = ? AND i.status = ? ORDER BY i.id", rs -> rs.getLong(1), service.id(),
                InvoiceStatus.UNPAID.label());
        if (!unpaid.isEmpty()) {
            throw BillingException.invalid("serviceid", "Service " + service.id() + " has unpaid invoice #"
                    + unpaid.get(0) + ": pay or cancel it before an upgrade or downgrade");
        }
    }

    private static BillingException pendingRefusal(long serviceId) {
        return BillingException.invalid("serviceid", "Service " + serviceId + " already has a pending upgrade or"
                + " downgrade: it must be applied, fail or be cancelled before another");
    }

    /** A pending change whose invoice was cancelled will never be paid: it is cancelled too. */
    private void cancelStale(long serviceId) {
        jdbc.update("UPDATE service_upgrades SET state = 'cancelled', pending_service_id = NULL, reason = ?, updated = ?"
                + " WHERE pending_service_id = ? AND invoice_id IN (SELECT id FROM invoices WHERE status = ?)",
                "Its invoice was cancelled", clock.millis(), serviceId, InvoiceStatus.CANCELLED.label());
    }

    private ServiceRow service(long serviceId) {
        return services.find(serviceId)
                .orElseThrow(() -> BillingException.notFound("serviceid", "Service " + serviceId + " not found"));
    }

    private Product current(ServiceRow service) {
        return catalog.product(service.productId()).orElseThrow(() -> BillingException.invalid("serviceid",
                "The product of service " + service.id() + " no longer exists"));
    }

    private Product newProduct(long productId) {
        return catalog.product(productId)
                .orElseThrow(() -> BillingException.notFound("newproductid", "Product " + productId + " not found"));
    }
}
