package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.billinghost.api.billing.ServiceFilter;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.RowMapper;

/** The {@code services} table: reads and compare-and-set status changes. */
public final class ServiceStore {
    private static final String COLUMNS = "id, client_id, order_id, product_id, domain, status, amount, created, updated";
    private static final RowMapper<ServiceRow> ROW = rs -> new ServiceRow(rs.getLong("id"),
            rs.getLong("client_id"), rs.getLong("order_id"), rs.getLong("product_id"), rs.getString("domain"),
            ServiceStatus.fromLabel(rs.getString("status")), rs.getBigDecimal("amount"), rs.getLong("created"),
            rs.getLong("updated"));

    private final Jdbc jdbc;

    public ServiceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
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

    public long insert(long clientId, long orderId, long productId, String domain, BigDecimal amount, long now) {
        return jdbc.insert("INSERT INTO services (client_id, order_id, product_id, domain, status, amount, created, updated)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", clientId, orderId, productId, domain,
                ServiceStatus.PENDING.label(), amount, now, now);
    }

    /** Moves the service from {@code from} to {@code to} only if it is still in {@code from}. */
    public boolean compareAndSet(long serviceId, ServiceStatus from, ServiceStatus to) {
        return jdbc.update("UPDATE services SET status = ?, updated = ? WHERE id = ? AND status = ?", to.label(),
                System.currentTimeMillis(), serviceId, from.label()) == 1;
    }

    public void update(long serviceId, String domain, ServiceStatus status, long productId) {
        jdbc.update("UPDATE services SET domain = ?, status = ?, product_id = ?, updated = ? WHERE id = ?", domain,
                status.label(), productId, System.currentTimeMillis(), serviceId);
    }
}
