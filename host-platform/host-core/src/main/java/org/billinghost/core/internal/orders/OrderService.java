package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.commands.JobQueue;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.db.RowMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Orders: placing one stores the order, its invoice, its services with their custom field values
 * and the Create jobs its products' auto-setup asks for, in one transaction.
 */
@Component(service = Orders.class)
public final class OrderService implements Orders {
    private static final String COLUMNS = "id, client_id, status, invoice_id, total, payment_method, created";

    private final Jdbc jdbc;
    private final Catalog catalog;
    private final Clients clients;
    private final InvoiceService invoices;
    private final JobQueue jobs;
    private final HookPublisher hooks;
    private final ServiceStore services;
    private final CustomFieldValues fieldValues;

    @Activate
    public OrderService(@Reference Jdbc jdbc, @Reference Catalog catalog, @Reference Clients clients,
                        @Reference InvoiceService invoices, @Reference JobQueue jobs, @Reference HookPublisher hooks) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clients = clients;
        this.invoices = invoices;
        this.jobs = jobs;
        this.hooks = hooks;
        this.services = new ServiceStore(jdbc);
        this.fieldValues = new CustomFieldValues(jdbc);
    }

    private record PlacedLine(Product product, OrderLine line, Map<Long, String> values, BigDecimal amount) {
    }

    @Override
    public Order place(OrderRequest request) {
        if (request == null || request.lines().isEmpty()) {
            throw BillingException.invalid("An order needs at least one product");
        }
        if (clients.get(request.clientId()).isEmpty()) {
            throw BillingException.notFound("Client " + request.clientId() + " not found");
        }
        if (request.paymentMethod().length() > 64) {
            throw BillingException.invalid("The payment method name is longer than 64 characters");
        }
        List<PlacedLine> lines = new ArrayList<>();
        for (OrderLine line : request.lines()) {
            Product product = catalog.product(line.productId())
                    .orElseThrow(() -> BillingException.notFound("Product " + line.productId() + " not found"));
            if (line.domain().length() > 255) {
                throw BillingException.invalid("The domain is longer than 255 characters");
            }
            BigDecimal amount = product.payType() == PayType.FREE ? BigDecimal.ZERO : product.price();
            lines.add(new PlacedLine(product, line,
                    CustomFieldValues.validate(product, line.customFields(), request.byAdmin(), true), amount));
        }
        BigDecimal total = lines.stream().map(PlacedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long orderId = jdbc.inTransaction(() -> store(request, lines, total));
        return get(orderId).orElseThrow();
    }

    private long store(OrderRequest request, List<PlacedLine> lines, BigDecimal total) {
        long now = System.currentTimeMillis();
        long orderId = jdbc.insert("INSERT INTO orders (client_id, status, total, payment_method, created, updated)"
                + " VALUES (?, ?, ?, ?, ?, ?)", request.clientId(), OrderStatus.PENDING.label(), total,
                request.paymentMethod(), now, now);
        long invoiceId = invoices.create(request.clientId(), orderId, total, now);
        jdbc.update("UPDATE orders SET invoice_id = ? WHERE id = ?", invoiceId, orderId);
        for (PlacedLine placed : lines) {
            Product product = placed.product();
            long serviceId = services.insert(request.clientId(), orderId, product.id(), placed.line().domain(),
                    placed.amount(), now);
            fieldValues.putAll(serviceId, placed.values());
            String domain = placed.line().domain();
            invoices.addLine(invoiceId, serviceId, product.name() + (domain.isEmpty() ? "" : " - " + domain),
                    placed.amount());
            if (!product.module().isEmpty() && product.autoSetup() == AutoSetup.ORDER) {
                jobs.enqueue(serviceId, ModuleCommand.CREATE, "");
            }
        }
        if (total.signum() == 0) {
            invoices.markPaid(invoiceId);
        }
        Map<String, Object> properties = Map.of(HookTopics.ORDER_ID, orderId, HookTopics.CLIENT_ID, request.clientId(),
                HookTopics.INVOICE_ID, invoiceId);
        jdbc.afterCommit(() -> hooks.post(HookTopics.AFTER_SHOPPING_CART_CHECKOUT, properties));
        return orderId;
    }

    @Override
    public Order accept(long orderId, boolean runModuleCreate) {
        jdbc.inTransaction(() -> {
            Order order = existing(orderId);
            if (jdbc.update("UPDATE orders SET status = ?, updated = ? WHERE id = ? AND status = ?",
                    OrderStatus.ACTIVE.label(), System.currentTimeMillis(), orderId, OrderStatus.PENDING.label()) != 1) {
                throw BillingException.conflict("Order " + orderId + " is " + order.status().label()
                        + ": only a Pending order can be accepted");
            }
            if (runModuleCreate) {
                for (ServiceRow service : services.ofOrder(orderId)) {
                    boolean onAccept = catalog.product(service.productId())
                            .filter(p -> !p.module().isEmpty() && p.autoSetup() == AutoSetup.ACCEPT).isPresent();
                    if (onAccept && service.status() == ServiceStatus.PENDING) {
                        jobs.enqueue(service.id(), ModuleCommand.CREATE, "");
                    }
                }
            }
            Map<String, Object> properties = Map.of(HookTopics.ORDER_ID, orderId, HookTopics.CLIENT_ID, order.clientId(),
                    HookTopics.INVOICE_ID, order.invoiceId());
            jdbc.afterCommit(() -> hooks.post(HookTopics.ACCEPT_ORDER, properties));
            return null;
        });
        return get(orderId).orElseThrow();
    }

    @Override
    public Order cancel(long orderId) {
        jdbc.inTransaction(() -> {
            Order order = existing(orderId);
            if (order.status() == OrderStatus.CANCELLED) {
                throw BillingException.conflict("Order " + orderId + " is already Cancelled");
            }
            jdbc.update("UPDATE orders SET status = ?, updated = ? WHERE id = ?", OrderStatus.CANCELLED.label(),
                    System.currentTimeMillis(), orderId);
            for (ServiceRow service : services.ofOrder(orderId)) {
                if (services.compareAndSet(service.id(), ServiceStatus.PENDING, ServiceStatus.CANCELLED)) {
                    jobs.cancelPending(service.id());
                }
            }
            invoices.cancelUnpaid(order.invoiceId());
            return null;
        });
        return get(orderId).orElseThrow();
    }

    @Override
    public Optional<Order> get(long orderId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM orders WHERE id = ?", ORDER, orderId).map(this::withServices);
    }

    @Override
    public ResultPage<Order> list(OrderStatus status, long clientId, int offset, int limit) {
        int size = PageRequest.limit(offset, limit);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.label());
        }
        if (clientId > 0) {
            where.append(" AND client_id = ?");
            params.add(clientId);
        }
        long total = jdbc.queryLong("SELECT COUNT(*) FROM orders" + where, params.toArray());
        params.add(size);
        params.add(offset);
        List<Order> items = jdbc.query("SELECT " + COLUMNS + " FROM orders" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                ORDER, params.toArray()).stream().map(this::withServices).toList();
        return new ResultPage<>(items, total, offset, size);
    }

    private Order existing(long orderId) {
        return get(orderId).orElseThrow(() -> BillingException.notFound("Order " + orderId + " not found"));
    }

    private static final RowMapper<Order> ORDER = rs -> new Order(rs.getLong("id"), rs.getLong("client_id"),
            OrderStatus.fromLabel(rs.getString("status")), rs.getLong("invoice_id"), rs.getBigDecimal("total"),
            rs.getString("payment_method"), Instant.ofEpochMilli(rs.getLong("created")), List.of());

    /** Adds the service ids (read after the order row, so no connection is held twice). */
    private Order withServices(Order o) {
        return new Order(o.id(), o.clientId(), o.status(), o.invoiceId(), o.total(), o.paymentMethod(), o.created(),
                services.ofOrder(o.id()).stream().map(ServiceRow::id).toList());
    }
}
