package org.billinghost.core.internal.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.CreditEntry;
import org.billinghost.api.billing.ListQuery;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Invoice.LineType;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.Transaction;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.HookTopics;
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
import org.billinghost.core.internal.upgrades.ProductChanges;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Invoices and payments; paying an invoice in full queues the Create jobs of auto-setup {@code payment}.
 * A payment above the amount due pays the invoice and its surplus becomes the client's credit, or is
 * refused (setting {@code refuseOverpayment} of {@link OrdersConfiguration}).
 */
@Component(service = {Invoices.class, InvoiceService.class}, configurationPid = OrdersConfiguration.PID)
public final class InvoiceService implements Invoices {
    private static final RowMapper<Invoice> INVOICE = rs -> new Invoice(rs.getLong("id"), rs.getLong("client_id"),
            rs.getLong("order_id"), InvoiceStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            rs.getBigDecimal("total"), rs.getBigDecimal("paid"), Instant.ofEpochMilli(rs.getLong("created")),
            datePaid(rs), List.of(), rs.getObject("due_date", LocalDate.class), rs.getString("invoice_num"),
            rs.getBigDecimal("credit"));
    private static final String COLUMNS = "id, client_id, order_id, status, total, paid, created, date_paid, due_date,"
            + " invoice_num, credit";
    private static final RowMapper<Transaction> TRANSACTION = rs -> new Transaction(rs.getLong("id"),
            rs.getLong("client_id"), rs.getLong("invoice_id"), rs.getString("transaction_id"), rs.getString("gateway"),
            rs.getBigDecimal("amount"), Instant.ofEpochMilli(rs.getLong("created")));
    private static final RowMapper<CreditEntry> CREDIT = rs -> new CreditEntry(rs.getLong("id"), rs.getLong("client_id"),
            Instant.ofEpochMilli(rs.getLong("created")), rs.getString("description"), rs.getBigDecimal("amount"),
            rs.getLong("invoice_id"));
    private static final int MAX_CREDIT_DESCRIPTION = 255;
    /** Lines of an invoice an admin creates (as an order's lines). */
    private static final int MAX_ITEMS = 100;
    /** The sort keys of {@link #list(ListQuery, InvoiceStatus, int, int)} and their columns. */
    private static final Map<String, List<String>> SORTS = Map.of("id", List.of("id"), "date", List.of("created"),
            "due", List.of("due_date"), "total", List.of("total"), "status", List.of("status"));
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ISO_LOCAL_DATE;
    /** The reason the daily automation gives a suspension for non-payment (WHMCS's wording). */
    public static final String OVERDUE = "Overdue on Payment";

    private final Jdbc jdbc;
    private final Catalog catalog;
    private final JobQueue jobs;
    private final HookPublisher hooks;
    private final MailOutbox mail;
    private final boolean refuseOverpayment;
    private final ServiceStore services;
    private final BillingClock clock;
    private final InvoiceNumbers numbers;

    @Activate
    public InvoiceService(@Reference Jdbc jdbc, @Reference Catalog catalog, @Reference JobQueue jobs,
                          @Reference HookPublisher hooks, @Reference MailOutbox mail, @Reference BillingClock clock,
                          OrdersConfiguration config) {
        this(jdbc, catalog, jobs, hooks, mail, clock, OrderSettings.of(config));
    }

    /**
     * Invoices outside Declarative Services (tests). A factory rather than a second public constructor: SCR
     * chooses the activation constructor by its number of parameters.
     */
    public static InvoiceService of(Jdbc jdbc, Catalog catalog, JobQueue jobs, HookPublisher hooks, MailOutbox mail,
                                    BillingClock clock, OrderSettings settings) {
        return new InvoiceService(jdbc, catalog, jobs, hooks, mail, clock, settings);
    }

    private InvoiceService(Jdbc jdbc, Catalog catalog, JobQueue jobs, HookPublisher hooks, MailOutbox mail,
                           BillingClock clock, OrderSettings settings) {
        this.mail = mail;
        this.clock = clock;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.jobs = jobs;
        this.hooks = hooks;
        this.refuseOverpayment = settings.refuseOverpayment();
        this.services = new ServiceStore(jdbc, clock);
        this.numbers = new InvoiceNumbers(jdbc, settings.invoiceNumberFormat());
    }

    @Override
    public Optional<Invoice> get(long invoiceId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM invoices WHERE id = ?", INVOICE, invoiceId).map(this::withLines);
    }

    @Override
    public ResultPage<Invoice> ofClient(long clientId, int offset, int limit) {
        int size = PageRequest.limit(offset, limit);
        List<Invoice> items = jdbc.query("SELECT " + COLUMNS + " FROM invoices WHERE client_id = ? ORDER BY id DESC"
                + " LIMIT ? OFFSET ?", INVOICE, clientId, size, offset).stream().map(this::withLines).toList();
        return new ResultPage<>(items, jdbc.queryLong("SELECT COUNT(*) FROM invoices WHERE client_id = ?", clientId),
                offset, size);
    }

    @Override
    public ResultPage<Invoice> list(InvoiceStatus status, int offset, int limit) {
        return list(status, 0, offset, limit);
    }

    @Override
    public ResultPage<Invoice> list(InvoiceStatus status, long clientId, int offset, int limit) {
        int size = PageRequest.limit(offset, limit);
        // newest first: the primary key orders the full list, ix_invoices_status_id (V120) one status,
        // ix_invoices_client one client
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (status != null) {
            conditions.add("status = ?");
            params.add(status.label());
        }
        if (clientId > 0) {
            conditions.add("client_id = ?");
            params.add(clientId);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.queryLong("SELECT COUNT(*) FROM invoices" + where, params.toArray());
        params.add(size);
        params.add(offset);
        return new ResultPage<>(jdbc.query("SELECT " + COLUMNS + " FROM invoices" + where + " ORDER BY id DESC"
                + " LIMIT ? OFFSET ?", INVOICE, params.toArray()), total, offset, size);
    }

    @Override
    public ResultPage<Invoice> list(ListQuery query, InvoiceStatus status, int offset, int limit) {
        return Lists.byStatus(jdbc, COLUMNS, "invoices", status == null ? null : status.label(), query, SORTS, INVOICE,
                offset, limit);
    }

    @Override
    public Invoice addPayment(long invoiceId, BigDecimal amount, String transactionId, String gateway) {
        if (amount == null || amount.signum() <= 0 || !Money.fits(amount)) {
            throw BillingException.invalid("The payment amount must be a positive amount of at most "
                    + Money.MAX.toPlainString() + " with at most 2 decimals");
        }
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 128) {
            throw BillingException.invalid("A transaction id (1 to 128 characters) is required");
        }
        String method = gateway == null ? "" : gateway.trim();
        if (method.length() > 64) {
            throw BillingException.invalid("The gateway name is longer than 64 characters");
        }
        String txId = transactionId.trim();
        jdbc.inTransaction(() -> {
            // the row lock orders payments of one invoice: each sees what the previous one paid
            Invoice invoice = locked(invoiceId);
            if (invoice.status() != InvoiceStatus.UNPAID) {
                throw BillingException.conflict("Invoice " + invoiceId + " is " + invoice.status().label()
                        + ": it takes no more payments");
            }
            BigDecimal applied = amount.min(invoice.total().subtract(invoice.paid()).max(BigDecimal.ZERO));
            BigDecimal surplus = amount.subtract(applied);
            if (surplus.signum() > 0 && refuseOverpayment) {
                throw BillingException.invalid("The payment of " + amount.toPlainString() + " is more than the "
                        + invoice.total().subtract(invoice.paid()).toPlainString() + " due on invoice " + invoiceId
                        + ", and overpayments are refused (setting refuseOverpayment)");
            }
            long paymentId;
            try {
                // the unique key on the lower-case id refuses ABC after abc, also when both arrive at once
                paymentId = jdbc.insert("INSERT INTO payments (invoice_id, amount, transaction_id, transaction_key, gateway,"
                        + " created) VALUES (?, ?, ?, ?, ?, ?)", invoiceId, amount, txId, transactionKey(txId),
                        method, clock.millis());
            } catch (DataAccessException e) {
                throw e.isUniqueViolation() ? duplicate(txId) : e;
            }
            jdbc.update("UPDATE invoices SET paid = paid + ? WHERE id = ?", applied, invoiceId);
            ActivityLogService.write(jdbc, "Payment Added - Invoice ID: " + invoiceId + " - Amount: "
                    + amount.toPlainString() + " - Transaction ID: " + txId
                    + (method.isEmpty() ? "" : " - Gateway: " + method), invoice.clientId());
            if (surplus.signum() > 0) {
                ClientCredit.add(jdbc, invoice.clientId(), surplus, "Overpayment of invoice #" + invoiceId
                        + " (transaction " + txId + ")", invoiceId, paymentId, clock.millis(),
                        "The surplus " + surplus.toPlainString() + " of this payment");
            }
            if (invoice.paid().add(applied).compareTo(invoice.total()) >= 0) {
                markPaid(invoiceId);
            }
            return null;
        });
        return get(invoiceId).orElseThrow();
    }

    @Override
    public Invoice create(long clientId, LocalDate dueDate, List<Item> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw BillingException.invalid("An invoice needs 1 to " + MAX_ITEMS + " items");
        }
        BigDecimal sum = itemsTotal(items, BigDecimal.ZERO);
        if (jdbc.queryLong("SELECT COUNT(*) FROM clients WHERE id = ?", clientId) == 0) {
            throw BillingException.notFound("Client " + clientId + " not found");
        }
        long invoiceId = jdbc.inTransaction(() -> {
            long id = create(clientId, 0, sum, dueDate == null ? clock.today() : dueDate);
            addItems(id, items);
            if (sum.signum() == 0) {
                markPaid(id);
            }
            return id;
        });
        return get(invoiceId).orElseThrow();
    }

    /** The total of {@code items} added to {@code start}, each item and the sum checked against the money columns. */
    private static BigDecimal itemsTotal(List<Item> items, BigDecimal start) {
        BigDecimal total = start;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String description = item.description() == null ? "" : item.description().trim();
            if (description.isEmpty() || description.length() > 255) {
                throw BillingException.invalid("Item " + (i + 1) + ": a description of 1 to 255 characters is required");
            }
            if (item.amount() == null || !Money.fits(item.amount())) {
                throw BillingException.invalid("Item " + (i + 1) + ": the amount must be from 0 to "
                        + Money.MAX.toPlainString() + " with at most 2 decimals");
            }
            total = total.add(item.amount());
        }
        if (!Money.fits(total)) {
            throw BillingException.invalid("The invoice's total " + total.toPlainString() + " would be more than "
                    + Money.MAX.toPlainString());
        }
        return total;
    }

    private void addItems(long invoiceId, List<Item> items) {
        for (Item item : items) {
            addLine(invoiceId, 0, item.description().trim(), item.amount(), LineType.ITEM, null, null);
        }
    }

    @Override
    public Invoice update(long invoiceId, InvoiceStatus status, LocalDate dueDate, List<Item> newItems) {
        List<Item> items = newItems == null ? List.of() : newItems;
        if (items.size() > MAX_ITEMS) {
            throw BillingException.invalid("At most " + MAX_ITEMS + " items are added at once");
        }
        jdbc.inTransaction(() -> {
            Invoice invoice = locked(invoiceId);
            InvoiceStatus next = status == null ? invoice.status() : status;
            if ((dueDate != null || !items.isEmpty()) && invoice.status() == InvoiceStatus.PAID) {
                throw BillingException.conflict("Invoice " + invoiceId + " is Paid: its due date and items stay");
            }
            if (!items.isEmpty()) {
                BigDecimal total = itemsTotal(items, invoice.total());
                addItems(invoiceId, items);
                jdbc.update("UPDATE invoices SET total = ? WHERE id = ?", total, invoiceId);
            }
            if (dueDate != null) {
                jdbc.update("UPDATE invoices SET due_date = ? WHERE id = ?", dueDate, invoiceId);
            }
            changeStatus(invoice, next);
            return null;
        });
        return get(invoiceId).orElseThrow();
    }

    /** Unpaid to Cancelled when no money was taken, Cancelled to Unpaid; Paid comes from payments only. */
    private void changeStatus(Invoice invoice, InvoiceStatus next) {
        if (next == invoice.status()) {
            return;
        }
        if (next == InvoiceStatus.CANCELLED && invoice.paid().signum() == 0) {
            cancelUnpaid(invoice.id());
        } else if (next == InvoiceStatus.UNPAID && invoice.status() == InvoiceStatus.CANCELLED) {
            jdbc.update("UPDATE invoices SET status = ? WHERE id = ?", InvoiceStatus.UNPAID.label(), invoice.id());
        } else {
            throw BillingException.conflict("Invoice " + invoice.id() + " is " + invoice.status().label()
                    + (invoice.paid().signum() > 0 ? " with " + invoice.paid().toPlainString() + " paid" : "")
                    + ": it cannot become " + next.label() + (next == InvoiceStatus.PAID ? " but by payments" : ""));
        }
    }

    @Override
    public ResultPage<Transaction> transactions(long invoiceId, long clientId, String transactionId, int offset,
                                                int limit) {
        int size = PageRequest.limit(offset, limit);
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (invoiceId > 0) {
            conditions.add("p.invoice_id = ?");
            params.add(invoiceId);
        }
        if (clientId > 0) {
            conditions.add("i.client_id = ?");
            params.add(clientId);
        }
        if (transactionId != null && !transactionId.isBlank()) {
            // the first payment of an id holds it as its key (V132), the later ones of another case have theirs
            conditions.add("(p.transaction_key = ? OR p.transaction_key LIKE ?)");
            String key = transactionKey(transactionId.trim());
            params.add(key);
            params.add(key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%");
        }
        String from = " FROM payments p JOIN invoices i ON i.id = p.invoice_id"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        long total = jdbc.queryLong("SELECT COUNT(*)" + from, params.toArray());
        params.add(size);
        params.add(offset);
        return new ResultPage<>(jdbc.query("SELECT p.id, i.client_id, p.invoice_id, p.transaction_id, p.gateway,"
                + " p.amount, p.created" + from + " ORDER BY p.id LIMIT ? OFFSET ?", TRANSACTION, params.toArray()),
                total, offset, size);
    }

    @Override
    public BigDecimal income(LocalDate from, LocalDate until) {
        List<Object> params = new ArrayList<>();
        String where = new DayRange(from, until).condition("created", clock, params);
        return jdbc.queryOne("SELECT SUM(amount) FROM payments WHERE 1 = 1" + where, rs -> rs.getBigDecimal(1),
                params.toArray()).orElse(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
    }

    @Override
    public Invoice applyCredit(long invoiceId, BigDecimal amount) {
        if (amount != null && (amount.signum() <= 0 || !Money.fits(amount))) {
            throw BillingException.invalid("amount", "The credit to apply must be a positive amount of at most "
                    + Money.MAX.toPlainString() + " with at most 2 decimals");
        }
        jdbc.inTransaction(() -> {
            Invoice invoice = locked(invoiceId);
            if (invoice.status() != InvoiceStatus.UNPAID) {
                throw BillingException.conflict("Invoice " + invoiceId + " is " + invoice.status().label()
                        + ": no credit can be applied to it");
            }
            BigDecimal available = ClientCredit.lockedBalance(jdbc, invoice.clientId());
            BigDecimal applied = amount == null ? available.min(invoice.balance()) : amount;
            if (applied.signum() <= 0) {
                throw BillingException.invalid("amount", "The client has no credit to apply");
            }
            if (applied.compareTo(invoice.balance()) > 0) {
                throw BillingException.invalid("amount", "Amount exceeds invoice balance: " + applied.toPlainString()
                        + " is more than the " + invoice.balance().toPlainString() + " due on invoice " + invoiceId);
            }
            if (applied.compareTo(available) > 0) {
                throw BillingException.invalid("amount", "Amount exceeds available credit: the client has "
                        + available.toPlainString());
            }
            ClientCredit.add(jdbc, invoice.clientId(), applied.negate(), "Credit Applied to Invoice #" + invoiceId,
                    invoiceId, null, clock.millis(), "The credit applied");
            jdbc.update("UPDATE invoices SET paid = paid + ?, credit = credit + ? WHERE id = ?", applied, applied,
                    invoiceId);
            if (applied.compareTo(invoice.balance()) == 0) {
                markPaid(invoiceId);
            }
            return null;
        });
        return get(invoiceId).orElseThrow();
    }

    @Override
    public BigDecimal changeCredit(long clientId, BigDecimal amount, String description) {
        if (amount == null || amount.signum() == 0 || !Money.fits(amount.abs())) {
            throw BillingException.invalid("amount", "The credit amount must be a non-zero amount of at most "
                    + Money.MAX.toPlainString() + " with at most 2 decimals");
        }
        String text = description == null ? "" : description.trim();
        if (text.isEmpty() || text.length() > MAX_CREDIT_DESCRIPTION) {
            throw BillingException.invalid("description", "A description of 1 to " + MAX_CREDIT_DESCRIPTION
                    + " characters is required, got " + text.length());
        }
        return jdbc.inTransaction(() -> {
            BigDecimal balance = ClientCredit.lockedBalance(jdbc, clientId);
            if (balance.add(amount).signum() < 0) {
                throw BillingException.invalid("amount", "Insufficient Credit Balance: the client has "
                        + balance.toPlainString() + ", " + amount.negate().toPlainString() + " cannot be removed");
            }
            ClientCredit.add(jdbc, clientId, amount, text, null, null, clock.millis(), "This credit");
            return balance.add(amount);
        });
    }

    @Override
    public ResultPage<CreditEntry> credits(long clientId, int offset, int limit) {
        int size = PageRequest.limit(offset, limit);
        return new ResultPage<>(jdbc.query("SELECT id, client_id, created, description, amount, invoice_id"
                + " FROM client_credits WHERE client_id = ? ORDER BY id LIMIT ? OFFSET ?", CREDIT, clientId, size,
                offset), jdbc.queryLong("SELECT COUNT(*) FROM client_credits WHERE client_id = ?", clientId), offset,
                size);
    }

    /** The invoice, its row locked until the caller's transaction ends. */
    private Invoice locked(long invoiceId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM invoices WHERE id = ? FOR UPDATE", INVOICE, invoiceId)
                .orElseThrow(() -> BillingException.notFound("Invoice " + invoiceId + " not found"));
    }

    /**
     * The transaction id in lower case, one code point for one (so it never outgrows the column, as
     * {@code toLowerCase} can): the key that makes ABC and abc one transaction.
     */
    static String transactionKey(String transactionId) {
        return transactionId.codePoints().map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static BillingException duplicate(String transactionId) {
        return BillingException.conflict("The transaction id '" + transactionId + "' is already recorded: a payment is never counted twice");
    }

    /**
     * Marks an unpaid invoice paid inside the caller's transaction: queues the Create jobs of its order's
     * services with auto-setup {@code payment}, moves the next due date of every service whose period it
     * pays, queues the Unsuspend of a service suspended for non-payment that has nothing overdue left, and
     * fires InvoicePaid and OrderPaid after the commit.
     */
    void markPaid(long invoiceId) {
        long now = clock.millis();
        if (jdbc.update("UPDATE invoices SET status = ?, date_paid = ? WHERE id = ? AND status = ?",
                InvoiceStatus.PAID.label(), now, invoiceId, InvoiceStatus.UNPAID.label()) != 1) {
            return;
        }
        // the number's counter row is locked until commit by every paying transaction: take it last
        LocalDate today = clock.today();
        jdbc.beforeCommit(() -> jdbc.update("UPDATE invoices SET invoice_num = ? WHERE id = ?", numbers.next(today),
                invoiceId));
        Invoice invoice = get(invoiceId).orElseThrow();
        ActivityLogService.write(jdbc, "Invoice Marked Paid - Invoice ID: " + invoiceId, invoice.clientId());
        for (ServiceRow service : services.ofOrder(invoice.orderId())) {
            boolean paymentSetup = catalog.product(service.productId())
                    .filter(p -> !p.module().isEmpty() && p.autoSetup() == AutoSetup.PAYMENT).isPresent();
            if (paymentSetup && service.status() == ServiceStatus.PENDING) {
                jobs.enqueue(service.id(), ModuleCommand.CREATE, "");
            }
        }
        for (Invoice.InvoiceLine line : invoice.lines()) {
            if (line.periodTo() != null && (line.type() == LineType.ORDER || line.type() == LineType.RENEWAL)) {
                // never backwards: paying an older period after a newer one leaves the later date
                jdbc.update("UPDATE services SET next_due_date = ?, updated = ? WHERE id = ?"
                        + " AND (next_due_date IS NULL OR next_due_date < ?)", line.periodTo(), now, line.serviceId(),
                        line.periodTo());
                unsuspendIfSettled(line.serviceId());
            } else if (line.type() == LineType.UPGRADE) {
                ProductChanges.queueOnPayment(jdbc, jobs, invoiceId);
            }
        }
        mail.queue(MailTemplate.INVOICE_PAYMENT_CONFIRMATION, invoice.clientId(), invoiceId, String.valueOf(invoiceId));
        Map<String, Object> properties = Map.of(HookTopics.INVOICE_ID, invoiceId, HookTopics.ORDER_ID, invoice.orderId(),
                HookTopics.CLIENT_ID, invoice.clientId());
        jdbc.afterCommit(() -> {
            hooks.post(HookTopics.INVOICE_PAID, properties);
            hooks.post(HookTopics.ORDER_PAID, properties);
        });
    }

    /** Queues the Unsuspend of a service suspended for non-payment once it has no overdue invoice (and none queued). */
    private void unsuspendIfSettled(long serviceId) {
        ServiceRow service = services.find(serviceId).orElseThrow();
        if (service.status() != ServiceStatus.SUSPENDED || !OVERDUE.equals(service.subscription().suspendReason())
                || overdue(serviceId) || jobs.hasUnfinished(serviceId, ModuleCommand.UNSUSPEND)) {
            return;
        }
        jobs.enqueue(serviceId, ModuleCommand.UNSUSPEND, "");
        Map<String, Object> properties = Map.of(HookTopics.SERVICE_ID, serviceId, HookTopics.CLIENT_ID,
                service.clientId());
        jdbc.afterCommit(() -> hooks.post(HookTopics.AUTOMATION_UNSUSPEND, properties));
    }

    /**
     * Whether an unpaid invoice billing a period of the service (its order's or a renewal's) fell due before
     * today; an unpaid upgrade invoice only holds the upgrade back, it makes nothing overdue.
     */
    boolean overdue(long serviceId) {
        return jdbc.queryLong("SELECT COUNT(*) FROM invoices i WHERE i.status = ? AND i.due_date < ? AND EXISTS"
                + " (SELECT 1 FROM invoice_items it WHERE it.invoice_id = i.id AND it.service_id = ?"
                + " AND it.item_type IN (?, ?))", InvoiceStatus.UNPAID.label(), clock.today(), serviceId,
                LineType.ORDER.code(), LineType.RENEWAL.code()) > 0;
    }

    /**
     * Creates an unpaid invoice inside the caller's transaction, due on {@code dueDate}; {@code orderId} 0
     * for one that bills no order (a renewal, an upgrade). InvoiceCreated fires after the commit.
     */
    public long create(long clientId, long orderId, BigDecimal total, LocalDate dueDate) {
        long id = jdbc.insert("INSERT INTO invoices (client_id, order_id, status, total, paid, created, due_date)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", clientId, orderId == 0 ? null : orderId, InvoiceStatus.UNPAID.label(),
                total, BigDecimal.ZERO, clock.millis(), dueDate);
        mail.queue(MailTemplate.INVOICE_CREATED, clientId, id, String.valueOf(id));
        ActivityLogService.write(jdbc, "Invoice Created - Invoice ID: " + id + " - Total: " + total.toPlainString(),
                clientId);
        Map<String, Object> properties = Map.of(HookTopics.INVOICE_ID, id, HookTopics.CLIENT_ID, clientId);
        jdbc.afterCommit(() -> hooks.post(HookTopics.INVOICE_CREATED, properties));
        return id;
    }

    /**
     * Adds a line inside the caller's transaction. A second line of the same service, type and period
     * start breaks the unique key uq_invoice_items_period: a period is never billed twice.
     */
    public void addLine(long invoiceId, long serviceId, String description, BigDecimal amount, LineType type,
                        LocalDate periodFrom, LocalDate periodTo) {
        jdbc.insert("INSERT INTO invoice_items (invoice_id, service_id, description, amount, item_type, period_from,"
                + " period_to) VALUES (?, ?, ?, ?, ?, ?, ?)", invoiceId, serviceId,
                description.length() > 255 ? description.substring(0, 255) : description, amount, type.code(), periodFrom,
                periodTo);
    }

    /**
     * "Jetpack Personal - example.com (2027-01-31 - 2027-02-27)": the product, the site and, for a
     * period, its first and last day.
     */
    public static String lineDescription(String product, String domain, LocalDate from, LocalDate nextPeriod) {
        String line = product + (domain.isEmpty() ? "" : " - " + domain);
        return from == null ? line : line + " (" + PERIOD.format(from) + " - " + PERIOD.format(nextPeriod.minusDays(1)) + ")";
    }

    /** Cancels the invoice if it is still unpaid; InvoiceCancelled fires after the commit. */
    public void cancelUnpaid(long invoiceId) {
        if (jdbc.update("UPDATE invoices SET status = ? WHERE id = ? AND status = ?", InvoiceStatus.CANCELLED.label(),
                invoiceId, InvoiceStatus.UNPAID.label()) == 1) {
            Map<String, Object> properties = Map.of(HookTopics.INVOICE_ID, invoiceId);
            jdbc.afterCommit(() -> hooks.post(HookTopics.INVOICE_CANCELLED, properties));
        }
    }

    private Invoice withLines(Invoice invoice) {
        List<Invoice.InvoiceLine> lines = jdbc.query("SELECT description, amount, service_id, item_type, period_from,"
                + " period_to FROM invoice_items WHERE invoice_id = ? ORDER BY id", rs -> new Invoice.InvoiceLine(
                rs.getString(1), rs.getBigDecimal(2), rs.getLong(3),
                LineType.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class)), invoice.id());
        return new Invoice(invoice.id(), invoice.clientId(), invoice.orderId(), invoice.status(), invoice.total(),
                invoice.paid(), invoice.created(), invoice.datePaid(), lines, invoice.dueDate(), invoice.number(),
                invoice.credit());
    }

    private static Instant datePaid(java.sql.ResultSet rs) throws java.sql.SQLException {
        long value = rs.getLong("date_paid");
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
