package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

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

    /** {@code clientId} 0 for every client. */
    public List<ServiceRow> page(long clientId, int offset, int limit) {
        String where = clientId > 0 ? " WHERE client_id = ?" : "";
        Object[] params = clientId > 0 ? new Object[] {clientId, limit, offset} : new Object[] {limit, offset};
        return jdbc.query("SELECT " + COLUMNS + " FROM services" + where + " ORDER BY id LIMIT ? OFFSET ?", ROW, params);
    }

    public long count(long clientId) {
        String where = clientId > 0 ? " WHERE client_id = ?" : "";
        Object[] params = clientId > 0 ? new Object[] {clientId} : new Object[0];
        return jdbc.queryOne("SELECT COUNT(*) FROM services" + where, rs -> rs.getLong(1), params).orElse(0L);
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
