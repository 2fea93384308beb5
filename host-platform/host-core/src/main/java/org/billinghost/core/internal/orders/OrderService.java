package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.Clients;
import org.billinghost.api.billing.Invoice.LineType;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.commands.JobQueue;
import org.billinghost.core.internal.db.DataAccessException;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.logs.ActivityLogService;
import org.billinghost.core.internal.mail.MailOutbox;
import org.billinghost.core.internal.mail.MailTemplate;
import org.billinghost.core.internal.db.RowMapper;
import org.billinghost.core.internal.time.BillingClock;
import org.billinghost.core.internal.time.DayRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Orders: placing one stores the order, its invoice, its services with their custom field values
 * and the Create jobs its products' auto-setup asks for, in one transaction.
 */
@Component(service = Orders.class, configurationPid = OrdersConfiguration.PID)
@Designate(ocd = OrdersConfiguration.class)
public final class OrderService implements Orders {
    private static final String COLUMNS = "id, client_id, status, invoice_id, total, payment_method, created,"
            + " order_num";
    private static final int MAX_IDEMPOTENCY_KEY = 64;
    /** Order numbers have 10 digits: from 1,000,000,000 to 9,999,999,999. */
    private static final long FIRST_ORDER_NUMBER = 1_000_000_000L;
    /** Placing is tried again this often when a random order number was taken meanwhile (1 in 9e9 per order). */
    private static final int NUMBER_ATTEMPTS = 3;

    /** The sort keys of {@link #list(ListQuery, OrderStatus, int, int)} and their columns. */
    private static final Map<String, List<String>> SORTS = Map.of("id", List.of("id"), "date", List.of("created"),
            "total", List.of("total"), "status", List.of("status"));

    private final Jdbc jdbc;
    private final Catalog catalog;
    private final Clients clients;
    private final InvoiceService invoices;
    private final JobQueue jobs;
    private final HookPublisher hooks;
    private final MailOutbox mail;
    private final OrderSettings settings;
    private final ServiceStore services;
    private final CustomFieldValues fieldValues;
    private final BillingClock clock;
    /** Order numbers are random so that they tell nobody how many orders the host takes. */
    private final SecureRandom random = new SecureRandom();

    @Activate
    public OrderService(@Reference Jdbc jdbc, @Reference Catalog catalog, @Reference Clients clients,
                        @Reference InvoiceService invoices, @Reference JobQueue jobs, @Reference HookPublisher hooks,
                        @Reference MailOutbox mail, @Reference BillingClock clock, OrdersConfiguration config) {
        this(jdbc, catalog, clients, invoices, jobs, hooks, mail, clock, OrderSettings.of(config));
    }

    /**
     * Orders outside Declarative Services (tests). A factory rather than a second public constructor: SCR
     * chooses the activation constructor by its number of parameters.
     */
    public static OrderService of(Jdbc jdbc, Catalog catalog, Clients clients, InvoiceService invoices, JobQueue jobs,
                                  HookPublisher hooks, MailOutbox mail, BillingClock clock, OrderSettings settings) {
        return new OrderService(jdbc, catalog, clients, invoices, jobs, hooks, mail, clock, settings);
    }

    private OrderService(Jdbc jdbc, Catalog catalog, Clients clients, InvoiceService invoices, JobQueue jobs,
                         HookPublisher hooks, MailOutbox mail, BillingClock clock, OrderSettings settings) {
        this.mail = mail;
        this.clock = clock;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clients = clients;
        this.invoices = invoices;
        this.jobs = jobs;
        this.hooks = hooks;
        this.settings = settings;
        this.services = new ServiceStore(jdbc, clock);
        this.fieldValues = new CustomFieldValues(jdbc);
    }

    /** A line ready to store: its product and the price of the cycle chosen. */
    private record PlacedLine(Product product, OrderLine line, Map<Long, String> values, CyclePrice price) {
        /** What one service of the line costs today: the first period and the setup fee. */
        BigDecimal firstPayment() {
            return price.firstPayment();
        }
    }

    @Override
    public Order place(OrderRequest request) {
        checkBounds(request);
        if (clients.get(request.clientId()).isEmpty()) {
            throw BillingException.notFound("Client " + request.clientId() + " not found");
        }
        String key = request.idempotencyKey();
        Optional<Order> placedBefore = key.isEmpty() ? Optional.empty() : byIdempotencyKey(request.clientId(), key);
        if (placedBefore.isPresent()) {
            return placedBefore.get();
        }
        List<PlacedLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            OrderLine line = request.lines().get(i);
            Product product = catalog.product(line.productId())
                    .orElseThrow(() -> BillingException.notFound("Product " + line.productId() + " not found"));
            if (line.domain().length() > 255) {
                throw BillingException.invalid("The domain is longer than 255 characters");
            }
            lines.add(new PlacedLine(product, line,
                    CustomFieldValues.validate(product, line.customFields(), request.byAdmin(), true),
                    price(product, line.billingCycle(), i)));
        }
        BigDecimal total = lines.stream().map(l -> l.firstPayment().multiply(BigDecimal.valueOf(l.line().quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!Money.fits(total)) {
            throw BillingException.invalid("The order's total " + total.toPlainString() + " is more than "
                    + Money.MAX.toPlainString() + ", the largest amount an invoice holds");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                long orderId = jdbc.inTransaction(() -> store(request, lines, total));
                return get(orderId).orElseThrow();
            } catch (DataAccessException e) {
                if (!e.isUniqueViolation()) {
                    throw e;
                }
                // the same client and key committed by a call running at the same moment: that order is the answer
                Optional<Order> placed = key.isEmpty() ? Optional.empty() : byIdempotencyKey(request.clientId(), key);
                if (placed.isPresent()) {
                    return placed.get();
                }
                // else the random order number was taken: nothing was stored, try another
                if (attempt == NUMBER_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The price of the cycle a line asks for (the product's first when it names none); a cycle the
     * product is not sold on is refused, naming the line and the cycles it is sold on.
     */
    static CyclePrice price(Product product, BillingCycle cycle, int index) {
        BillingCycle chosen = cycle == null ? product.cycles().get(0) : cycle;
        return product.priceOn(chosen).orElseThrow(() -> BillingException.invalid("billingcycle",
                "Line " + (index + 1) + ": product '" + product.name() + "' is not sold " + chosen.label()
                        + "; it is sold " + product.cycles().stream().map(BillingCycle::label)
                        .collect(Collectors.joining(", "))));
    }

    /** The size limits, checked before anything is looked up or validated. */
    private void checkBounds(OrderRequest request) {
        if (request == null || request.lines().isEmpty()) {
            throw BillingException.invalid("An order needs at least one product");
        }
        if (request.lines().size() > settings.maxLinesPerOrder()) {
            throw BillingException.invalid("An order has at most " + settings.maxLinesPerOrder()
                    + " lines (setting maxLinesPerOrder); this one has " + request.lines().size());
        }
        for (int i = 0; i < request.lines().size(); i++) {
            int quantity = request.lines().get(i).quantity();
            if (quantity < 1 || quantity > settings.maxQuantityPerLine()) {
                throw BillingException.invalid("The quantity of line " + (i + 1) + " must be from 1 to "
                        + settings.maxQuantityPerLine() + " (setting maxQuantityPerLine), not " + quantity);
            }
        }
        if (request.paymentMethod().length() > 64) {
            throw BillingException.invalid("The payment method name is longer than 64 characters");
        }
        if (request.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY) {
            throw BillingException.invalid("The idempotency key is longer than " + MAX_IDEMPOTENCY_KEY + " characters");
        }
    }

    private Optional<Order> byIdempotencyKey(long clientId, String key) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM orders WHERE client_id = ? AND idempotency_key = ?", ORDER,
                clientId, key).map(this::withServices);
    }

    private long store(OrderRequest request, List<PlacedLine> lines, BigDecimal total) {
        long now = clock.millis();
        LocalDate today = clock.today();
        String key = request.idempotencyKey().isEmpty() ? null : request.idempotencyKey();
        long orderNumber = FIRST_ORDER_NUMBER + random.nextLong(9 * FIRST_ORDER_NUMBER);
        long orderId = jdbc.insert("INSERT INTO orders (client_id, status, total, payment_method, idempotency_key,"
                + " order_num, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", request.clientId(),
                OrderStatus.PENDING.label(), total, request.paymentMethod(), key, orderNumber, now, now);
        mail.queue(MailTemplate.ORDER_CONFIRMATION, request.clientId(), orderId, String.valueOf(orderId));
        long invoiceId = invoices.create(request.clientId(), orderId, total, today);
        jdbc.update("UPDATE orders SET invoice_id = ? WHERE id = ?", invoiceId, orderId);
        for (PlacedLine placed : lines) {
            for (int n = 0; n < placed.line().quantity(); n++) {
                storeService(request, orderId, invoiceId, placed, now, today);
            }
        }
        ActivityLogService.write(jdbc, "Order Placed - Order ID: " + orderId + " - Invoice ID: " + invoiceId
                + " - Total: " + total.toPlainString(), request.clientId());
        if (total.signum() == 0) {
            invoices.markPaid(invoiceId);
        }
        Map<String, Object> properties = Map.of(HookTopics.ORDER_ID, orderId, HookTopics.CLIENT_ID, request.clientId(),
                HookTopics.INVOICE_ID, invoiceId);
        jdbc.afterCommit(() -> hooks.post(HookTopics.AFTER_SHOPPING_CART_CHECKOUT, properties));
        return orderId;
    }

    /**
     * One service: a recurring one is due today (its first period is on this order's invoice) and is
     * next invoiced for the period after it.
     */
    private void storeService(OrderRequest request, long orderId, long invoiceId, PlacedLine placed, long now,
                              LocalDate today) {
        Product product = placed.product();
        String domain = placed.line().domain();
        CyclePrice price = placed.price();
        BillingCycle cycle = price.cycle();
        LocalDate periodStart = cycle.recurring() ? today : null;
        LocalDate periodEnd = cycle.recurring() ? cycle.next(today, today.getDayOfMonth()) : null;
        long serviceId = services.insert(request.clientId(), orderId, product.id(), domain,
                new ServiceStore.Billing(cycle, placed.firstPayment(), price.price(), today, periodStart, periodEnd,
                        request.paymentMethod()), now);
        fieldValues.putAll(serviceId, placed.values());
        invoices.addLine(invoiceId, serviceId, InvoiceService.lineDescription(product.name(), domain, periodStart,
                periodEnd), price.price(), LineType.ORDER, periodStart, periodEnd);
        if (price.setupFee().signum() > 0) {
            invoices.addLine(invoiceId, serviceId, "Setup fee: " + product.name(), price.setupFee(), LineType.SETUP, null,
                    null);
        }
        if (!product.module().isEmpty() && product.autoSetup() == AutoSetup.ORDER) {
            jobs.enqueue(serviceId, ModuleCommand.CREATE, "");
        }
    }

    @Override
    public Order accept(long orderId, boolean runModuleCreate) {
        jdbc.inTransaction(() -> {
            Order order = existing(orderId);
            if (jdbc.update("UPDATE orders SET status = ?, updated = ? WHERE id = ? AND status = ?",
                    OrderStatus.ACTIVE.label(), clock.millis(), orderId, OrderStatus.PENDING.label()) != 1) {
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
            ActivityLogService.write(jdbc, "Order Accepted - Order ID: " + orderId, order.clientId());
            Map<String, Object> properties = Map.of(HookTopics.ORDER_ID, orderId, HookTopics.CLIENT_ID, order.clientId(),
                    HookTopics.INVOICE_ID, order.invoiceId());
            jdbc.afterCommit(() -> hooks.post(HookTopics.ACCEPT_ORDER, properties));
            return null;
        });
        return get(orderId).orElseThrow();
    }

    @Override
    public Order cancel(long orderId) {
        return change(orderId, order -> {
            if (order.status() == OrderStatus.CANCELLED) {
                throw BillingException.conflict("Order " + orderId + " is already Cancelled");
            }
            if (order.status() != OrderStatus.PENDING) {
                throw BillingException.conflict("Order " + orderId + " is " + order.status().label()
                        + ": only a Pending order can be cancelled");
            }
            // money taken, in part or in full; a free order's invoice is paid without any and may be cancelled
            if (jdbc.queryLong("SELECT COUNT(*) FROM invoices WHERE id = ? AND paid > 0", order.invoiceId()) > 0) {
                throw BillingException.conflict("Order " + orderId + " is paid (invoice " + order.invoiceId()
                        + "): only an unpaid order can be cancelled");
            }
            jdbc.update("UPDATE orders SET status = ?, updated = ? WHERE id = ?", OrderStatus.CANCELLED.label(),
                    clock.millis(), orderId);
            for (ServiceRow service : services.ofOrder(orderId)) {
                if (services.compareAndSet(service.id(), ServiceStatus.PENDING, ServiceStatus.CANCELLED)) {
                    jobs.cancelPending(service.id());
                }
            }
            invoices.cancelUnpaid(order.invoiceId());
            ActivityLogService.write(jdbc, "Order Cancelled - Order ID: " + orderId, order.clientId());
        });
    }

    @Override
    public Order pending(long orderId) {
        return change(orderId, order -> {
            if (order.status() == OrderStatus.PENDING) {
                throw BillingException.conflict("Order " + orderId + " is already Pending");
            }
            jdbc.update("UPDATE orders SET status = ?, updated = ? WHERE id = ?", OrderStatus.PENDING.label(),
                    clock.millis(), orderId);
            for (ServiceRow service : services.ofOrder(orderId)) {
                services.compareAndSet(service.id(), ServiceStatus.CANCELLED, ServiceStatus.PENDING);
            }
            jdbc.update("UPDATE invoices SET status = ? WHERE id = ? AND status = ?", InvoiceStatus.UNPAID.label(),
                    order.invoiceId(), InvoiceStatus.CANCELLED.label());
            ActivityLogService.write(jdbc, "Order Set to Pending - Order ID: " + orderId, order.clientId());
        });
    }

    /** Runs {@code work} on the order, its row locked, in one transaction, and answers the order as it is then. */
    private Order change(long orderId, Consumer<Order> work) {
        jdbc.inTransaction(() -> {
            work.accept(locked(orderId));
            return null;
        });
        return get(orderId).orElseThrow();
    }

    @Override
    public void delete(long orderId) {
        jdbc.inTransaction(() -> {
            Order order = locked(orderId);
            if (order.status() != OrderStatus.CANCELLED && order.status() != OrderStatus.FRAUD) {
                throw BillingException.conflict("Order " + orderId + " is " + order.status().label()
                        + ": only a Cancelled or Fraud order can be deleted");
            }
            refuseDeleteWhenKept(order);
            for (long serviceId : order.serviceIds()) {
                jdbc.update("DELETE FROM jobs WHERE service_id = ?", serviceId);
                jdbc.update("DELETE FROM custom_field_values WHERE service_id = ?", serviceId);
                jdbc.update("DELETE FROM cancel_requests WHERE service_id = ?", serviceId);
            }
            jdbc.update("DELETE FROM invoice_items WHERE invoice_id = ?", order.invoiceId());
            jdbc.update("DELETE FROM services WHERE order_id = ?", orderId);
            jdbc.update("DELETE FROM invoices WHERE order_id = ?", orderId);
            jdbc.update("DELETE FROM orders WHERE id = ?", orderId);
            return null;
        });
    }

    /**
     * What deleting an order must not take with it: money taken on its invoice, a service that is not
     * Cancelled, a service's other invoices (renewals, upgrades) and its upgrades.
     */
    private void refuseDeleteWhenKept(Order order) {
        long id = order.id();
        if (jdbc.queryLong("SELECT COUNT(*) FROM invoices i WHERE i.order_id = ? AND (i.paid > 0 OR EXISTS"
                + " (SELECT 1 FROM payments p WHERE p.invoice_id = i.id) OR EXISTS (SELECT 1 FROM client_credits c"
                + " WHERE c.invoice_id = i.id))", id) > 0) {
            throw BillingException.conflict("Order " + id + " has payments or credit on its invoice: it is kept");
        }
        for (ServiceRow service : services.ofOrder(id)) {
            if (service.status() != ServiceStatus.CANCELLED) {
                throw BillingException.conflict("Order " + id + " has service " + service.id() + " in status "
                        + service.status().label() + ": only an order whose services are all Cancelled can be deleted");
            }
        }
        if (jdbc.queryLong("SELECT COUNT(*) FROM invoice_items it JOIN services s ON s.id = it.service_id"
                + " WHERE s.order_id = ? AND it.invoice_id <> ?", id, order.invoiceId()) > 0
                || jdbc.queryLong("SELECT COUNT(*) FROM service_upgrades u JOIN services s ON s.id = u.service_id"
                + " WHERE s.order_id = ?", id) > 0) {
            throw BillingException.conflict("Order " + id + " has services with other invoices or upgrades: it is kept");
        }
    }

    /** The order, its row locked until the caller's transaction ends. */
    private Order locked(long orderId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE", ORDER, orderId)
                .map(this::withServices)
                .orElseThrow(() -> BillingException.notFound("Order " + orderId + " not found"));
    }

    @Override
    public LocalDate today() {
        return clock.today();
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

    @Override
    public ResultPage<Order> list(ListQuery query, OrderStatus status, int offset, int limit) {
        ResultPage<Order> page = Lists.byStatus(jdbc, COLUMNS, "orders", status == null ? null : status.label(), query,
                SORTS, ORDER, offset, limit);
        return new ResultPage<>(page.items().stream().map(this::withServices).toList(), page.total(), page.offset(),
                page.limit());
    }

    @Override
    public long count(OrderStatus status, LocalDate from, LocalDate until) {
        List<Object> params = new ArrayList<>();
        String where = " WHERE 1 = 1";
        if (status != null) {
            where += " AND status = ?";
            params.add(status.label());
        }
        where += new DayRange(from, until).condition("created", clock, params);
        return jdbc.queryLong("SELECT COUNT(*) FROM orders" + where, params.toArray());
    }

    private Order existing(long orderId) {
        return get(orderId).orElseThrow(() -> BillingException.notFound("Order " + orderId + " not found"));
    }

    private static final RowMapper<Order> ORDER = rs -> new Order(rs.getLong("id"), rs.getLong("client_id"),
            OrderStatus.fromLabel(rs.getString("status")), rs.getLong("invoice_id"), rs.getBigDecimal("total"),
            rs.getString("payment_method"), Instant.ofEpochMilli(rs.getLong("created")), List.of(),
            rs.getLong("order_num"));

    /** Adds the service ids (read after the order row, so no connection is held twice). */
    private Order withServices(Order o) {
        return new Order(o.id(), o.clientId(), o.status(), o.invoiceId(), o.total(), o.paymentMethod(), o.created(),
                services.ofOrder(o.id()).stream().map(ServiceRow::id).toList(), o.number());
    }
}
