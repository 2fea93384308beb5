package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceFilter;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.Services;
import org.billinghost.api.billing.Subscription;
import org.billinghost.api.billing.SubscriptionChange;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Sorting;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Clients' services: reading them and an admin's changes (domain, status, product, custom fields). */
@Component(service = Services.class)
public final class ServiceAccountService implements Services {
    private final Jdbc jdbc;
    private final Catalog catalog;
    private final HookPublisher hooks;
    /** The sort keys of {@link #list(ListQuery, int, int)} and their columns. */
    private static final Map<String, List<String>> SORTS = Map.of("id", List.of("id"), "domain", List.of("domain"),
            "status", List.of("status"), "nextdue", List.of("next_due_date"), "amount", List.of("amount"));

    private final ServiceStore services;
    private final CustomFieldValues fieldValues;
    private final ActivityLog activity;

    @Activate
    public ServiceAccountService(@Reference Jdbc jdbc, @Reference Catalog catalog, @Reference HookPublisher hooks,
                                 @Reference ActivityLog activity, @Reference BillingClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.hooks = hooks;
        this.activity = activity;
        this.services = new ServiceStore(jdbc, clock);
        this.fieldValues = new CustomFieldValues(jdbc);
    }

    @Override
    public Optional<ServiceAccount> get(long serviceId) {
        return services.find(serviceId).map(this::account);
    }

    @Override
    public ResultPage<ServiceAccount> list(long clientId, int offset, int limit) {
        return list(new ServiceFilter(clientId, 0, null), offset, limit);
    }

    @Override
    public ResultPage<ServiceAccount> list(ServiceFilter filter, int offset, int limit) {
        int size = PageRequest.limit(offset, limit);
        ServiceFilter where = filter == null ? ServiceFilter.all() : filter;
        List<ServiceRow> rows = services.page(where, offset, size);
        // a short page already tells the total, sparing a COUNT
        long total = !rows.isEmpty() && rows.size() < size ? offset + rows.size() : services.count(where);
        return new ResultPage<>(accounts(rows), total, offset, size);
    }

    @Override
    public ResultPage<ServiceAccount> list(ListQuery query, int offset, int limit) {
        ListQuery q = query == null ? ListQuery.ALL : query;
        ResultPage<ServiceRow> rows = services.search(jdbc, q, Sorting.orderBy(q, SORTS, "id", true), offset, limit);
        return new ResultPage<>(accounts(rows.items()), rows.total(), rows.offset(), rows.limit());
    }

    @Override
    public ServiceAccount update(long serviceId, ServiceUpdate update) {
        if (update == null) {
            throw BillingException.invalid("Nothing to update");
        }
        if (update.status() == ServiceStatus.PROVISIONING) {
            throw BillingException.invalid("The status Provisioning is set by the host while Create runs");
        }
        if (update.domain() != null && update.domain().length() > 255) {
            throw BillingException.invalid("The domain is longer than 255 characters");
        }
        SubscriptionChange billing = update.subscription() == null ? new SubscriptionChange(null, null, null, null, null,
                null) : update.subscription();
        checkBilling(billing);
        ServiceRow saved = jdbc.inTransaction(() -> {
            ServiceRow service = services.find(serviceId)
                    .orElseThrow(() -> BillingException.notFound("Service " + serviceId + " not found"));
            long productId = update.productId() == null ? service.productId() : update.productId();
            Product product = catalog.product(productId)
                    .orElseThrow(() -> BillingException.notFound("Product " + productId + " not found"));
            Map<Long, String> edited = update.customFields() == null ? Map.of()
                    : CustomFieldValues.validate(product, update.customFields(), true, false);
            if (productId != service.productId()) {
                moveValues(service, product);
            }
            fieldValues.putAll(serviceId, edited);
            services.update(serviceId, update.domain() == null ? service.domain() : update.domain().trim(),
                    update.status() == null ? service.status() : update.status(), productId);
            List<String> changes = updateBilling(service, billing);
            if (!changes.isEmpty()) {
                activity.log("Modified Service - Service ID: " + serviceId + " - " + String.join(", ", changes),
                        service.clientId());
            }
            Map<String, Object> properties = Map.of(HookTopics.SERVICE_ID, serviceId, HookTopics.CLIENT_ID,
                    service.clientId(), HookTopics.PRODUCT_ID, productId);
            jdbc.afterCommit(() -> hooks.post(HookTopics.SERVICE_EDIT, properties));
            return service;
        });
        return get(saved.id()).orElseThrow();
    }

    private static void checkBilling(SubscriptionChange change) {
        amount(change.recurringAmount(), "recurringamount", "The recurring amount");
        amount(change.firstPaymentAmount(), "firstpaymentamount", "The first payment amount");
        if (change.overrideSuspendUntil() != null && !Boolean.TRUE.equals(change.overrideAutoSuspend())) {
            throw BillingException.invalid("overidesuspenduntil",
                    "A date until which suspension is overridden needs the override itself (overideautosuspend)");
        }
    }

    private static void amount(BigDecimal amount, String field, String what) {
        if (amount != null && !Money.fits(amount)) {
            throw BillingException.invalid(field, what + " must be from 0 to " + Money.MAX.toPlainString()
                    + " with at most two decimals");
        }
    }

    /**
     * Writes the billing changes that differ from what is stored and says what changed, for the activity
     * log. A new next due date is also the next invoice date and the new billing day, as in WHMCS; a
     * cycle that does not recur has neither.
     */
    private List<String> updateBilling(ServiceRow service, SubscriptionChange change) {
        Subscription now = service.subscription();
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        BillingCycle cycle = change.cycle() == null ? now.cycle() : change.cycle();
        if (cycle != now.cycle()) {
            sets.add("billing_cycle = ?");
            params.add(cycle.code());
            changes.add("Billing Cycle: " + now.cycle().label() + " -> " + cycle.label());
            if (!cycle.recurring()) {
                sets.add("next_due_date = NULL, next_invoice_date = NULL");
            }
        }
        LocalDate due = change.nextDueDate();
        if (due != null && !due.equals(now.nextDueDate())) {
            if (!cycle.recurring()) {
                throw BillingException.invalid("nextduedate", "A " + cycle.label() + " service has no next due date");
            }
            sets.add("next_due_date = ?, next_invoice_date = ?, billing_day = ?");
            params.addAll(List.of(due, due, due.getDayOfMonth()));
            changes.add("Next Due Date: " + now.nextDueDate() + " -> " + due);
        }
        change(change.recurringAmount(), now.recurringAmount(), "amount", "Recurring Amount", sets, params, changes);
        change(change.firstPaymentAmount(), now.firstPaymentAmount(), "first_payment_amount", "First Payment Amount",
                sets, params, changes);
        if (change.overrideAutoSuspend() != null) {
            boolean override = change.overrideAutoSuspend();
            LocalDate until = override ? change.overrideSuspendUntil() : null;
            if (override != now.overrideAutoSuspend() || !Objects.equals(until, now.overrideSuspendUntil())) {
                sets.add("override_auto_suspend = ?, override_suspend_until = ?");
                params.add(override);
                params.add(until);
                changes.add("Override Auto-Suspend: " + (override ? "on" + (until == null ? "" : " until " + until) : "off"));
            }
        }
        if (!sets.isEmpty()) {
            params.add(service.id());
            jdbc.update("UPDATE services SET " + String.join(", ", sets) + " WHERE id = ?", params.toArray());
        }
        return changes;
    }

    private static void change(BigDecimal wanted, BigDecimal stored, String column, String label, List<String> sets,
                               List<Object> params, List<String> changes) {
        if (wanted != null && wanted.compareTo(stored) != 0) {
            sets.add(column + " = ?");
            params.add(wanted);
            changes.add(label + ": " + stored.toPlainString() + " -> " + wanted.toPlainString());
        }
    }

    /** A product change: the values move as {@link CustomFieldValues#moved} says. */
    private void moveValues(ServiceRow service, Product target) {
        Map<String, String> old = catalog.product(service.productId()).map(p -> fieldValues.byName(service.id(), p))
                .orElse(Map.of());
        fieldValues.deleteAll(service.id());
        fieldValues.putAll(service.id(), CustomFieldValues.moved(old, target));
    }

    private ServiceAccount account(ServiceRow row) {
        return accounts(List.of(row)).get(0);
    }

    /** A page of services in a fixed number of queries: each product once, the custom field values in one. */
    private List<ServiceAccount> accounts(List<ServiceRow> rows) {
        Map<Long, Optional<Product>> products = new HashMap<>();
        Map<Long, Map<Long, String>> stored = fieldValues.stored(rows.stream().map(ServiceRow::id).toList());
        List<ServiceAccount> accounts = new ArrayList<>(rows.size());
        for (ServiceRow row : rows) {
            Optional<Product> product = products.computeIfAbsent(row.productId(), catalog::product);
            accounts.add(new ServiceAccount(row.id(), row.clientId(), row.orderId(), row.productId(),
                    product.map(Product::name).orElse(""), product.map(Product::module).orElse(""), row.domain(),
                    row.status(), row.amount(), Instant.ofEpochMilli(row.created()),
                    product.map(p -> CustomFieldValues.named(stored.getOrDefault(row.id(), Map.of()), p)).orElse(Map.of()),
                    row.subscription()));
        }
        return accounts;
    }
}
