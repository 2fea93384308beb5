package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.ServiceFilter;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.Subscription;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.Paging;
import org.billinghost.core.internal.db.RowMapper;
import org.billinghost.core.internal.db.Sorting;
import org.billinghost.core.internal.time.BillingClock;

/** The {@code services} table: reads and compare-and-set status changes. */
public final class ServiceStore {
    private static final String COLUMNS = "id, client_id, order_id, product_id, domain, status, amount, created, updated,"
            + " billing_cycle, first_payment_amount, registration_date, next_due_date, next_invoice_date, billing_day,"
            + " termination_date, payment_method, override_auto_suspend, override_suspend_until, suspend_reason";
    private static final RowMapper<ServiceRow> ROW = rs -> {
        BigDecimal amount = rs.getBigDecimal("amount");
        Subscription subscription = new Subscription(BillingCycle.of(rs.getString("billing_cycle")).orElseThrow(),
                rs.getBigDecimal("first_payment_amount"), amount, rs.getObject("registration_date", LocalDate.class),
                rs.getObject("next_due_date", LocalDate.class), rs.getObject("next_invoice_date", LocalDate.class),
                rs.getObject("termination_date", LocalDate.class), rs.getString("payment_method"),
                rs.getBoolean("override_auto_suspend"), rs.getObject("override_suspend_until", LocalDate.class),
                rs.getString("suspend_reason"));
        return new ServiceRow(rs.getLong("id"), rs.getLong("client_id"), rs.getLong("order_id"), rs.getLong("product_id"),
                rs.getString("domain"), ServiceStatus.fromLabel(rs.getString("status")), amount, rs.getLong("created"),
                rs.getLong("updated"), subscription, rs.getInt("billing_day"));
    };

    /** What a new service is billed: its cycle, amounts and first dates. */
    public record Billing(BillingCycle cycle, BigDecimal firstPayment, BigDecimal recurring, LocalDate registered,
                          LocalDate nextDue, LocalDate nextInvoice, String paymentMethod) {
    }

    private final Jdbc jdbc;
    private final BillingClock clock;

    public ServiceStore(Jdbc jdbc, BillingClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<ServiceRow> find(long serviceId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM services WHERE id = ?", ROW, serviceId);
    }

    public List<ServiceRow> ofOrder(long orderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM services WHERE order_id = ? ORDER BY id", ROW, orderId);
    }

    /** A page of the services matching {@code filter}; ix_services_client and ix_services_product select them. */
    public List<ServiceRow> page(ServiceFilter filter, int offset, int limit) {
        Where where = Where.of(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.query("SELECT " + COLUMNS + " FROM services" + where.sql() + " ORDER BY id LIMIT ? OFFSET ?", ROW,
                params.toArray());
    }

    /** Services whose domain or a field's value contains the search, or whose number it is, in {@code orderBy}'s order. */
    public ResultPage<ServiceRow> search(Jdbc jdbc, ListQuery query, String orderBy, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (query.search() != null) {
            // the site of a service without a domain is a custom field's value (Jetpack's "Site URL")
            where = " WHERE " + Paging.contains(jdbc.dialect(), "domain") + " OR id = ? OR " + Paging.inSubquery(
                    jdbc.dialect(), "id", "SELECT v.service_id FROM custom_field_values v WHERE "
                            + Paging.contains(jdbc.dialect(), "v.field_value"));
            String pattern = Paging.containsPattern(query.search());
            params.addAll(List.of(pattern, Sorting.number(query.search()), pattern));
        }
        return Lists.page(jdbc, COLUMNS, "services", where, orderBy, params, ROW, offset, limit);
    }

    public long count(ServiceFilter filter) {
        Where where = Where.of(filter);
        return jdbc.queryOne("SELECT COUNT(*) FROM services" + where.sql(), rs -> rs.getLong(1), where.params().toArray())
                .orElse(0L);
    }

    /** The SQL condition of a filter; the domain compares lower-cased (domains are stored as entered). */
    private record Where(String sql, List<Object> params) {
        static Where of(ServiceFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (filter.clientId() > 0) {
                conditions.add("client_id = ?");
                params.add(filter.clientId());
            }
            if (filter.productId() > 0) {
                conditions.add("product_id = ?");
                params.add(filter.productId());
            }
            if (filter.domain() != null) {
                conditions.add("LOWER(domain) = ?");
                params.add(filter.domain().toLowerCase(Locale.ROOT));
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }
    }

    public long insert(long clientId, long orderId, long productId, String domain, Billing billing, long now) {
        return jdbc.insert("INSERT INTO services (client_id, order_id, product_id, domain, status, amount, created, updated,"
                + " billing_cycle, first_payment_amount, registration_date, next_due_date, next_invoice_date, billing_day,"
                + " payment_method) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", clientId, orderId, productId,
                domain, ServiceStatus.PENDING.label(), billing.recurring(), now, now, billing.cycle().code(),
                billing.firstPayment(), billing.registered(), billing.nextDue(), billing.nextInvoice(),
                billing.registered().getDayOfMonth(), billing.paymentMethod());
    }

    /**
     * Moves the service from {@code from} to {@code to} only if it is still in {@code from}. Becoming Active
     * clears the suspension's reason; becoming Terminated or Cancelled records the day (once).
     */
    public boolean compareAndSet(long serviceId, ServiceStatus from, ServiceStatus to) {
        String also = switch (to) {
            case ACTIVE -> ", suspend_reason = ''";
            case TERMINATED, CANCELLED -> ", termination_date = COALESCE(termination_date, ?)";
            default -> "";
        };
        List<Object> params = new ArrayList<>(List.of(to.label(), clock.millis()));
        if (to == ServiceStatus.TERMINATED || to == ServiceStatus.CANCELLED) {
            params.add(clock.today());
        }
        params.addAll(List.of(serviceId, from.label()));
        return jdbc.update("UPDATE services SET status = ?, updated = ?" + also + " WHERE id = ? AND status = ?",
                params.toArray()) == 1;
    }

    /** Records why the service is suspended ({@code Subscription.suspendReason}). */
    public void suspendReason(long serviceId, String reason) {
        jdbc.update("UPDATE services SET suspend_reason = ?, updated = ? WHERE id = ?", reason, clock.millis(),
                serviceId);
    }

    public void update(long serviceId, String domain, ServiceStatus status, long productId) {
        jdbc.update("UPDATE services SET domain = ?, status = ?, product_id = ?, updated = ? WHERE id = ?", domain,
                status.label(), productId, clock.millis(), serviceId);
    }
}
