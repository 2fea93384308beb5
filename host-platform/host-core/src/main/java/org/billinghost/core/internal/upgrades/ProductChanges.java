package org.billinghost.core.internal.upgrades;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.billinghost.core.internal.commands.HookPublisher;
import org.billinghost.core.internal.commands.JobQueue;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.orders.ClientCredit;
import org.billinghost.core.internal.orders.CustomFieldValues;
import org.billinghost.core.internal.orders.ServiceRow;
import org.billinghost.core.internal.time.BillingClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applying a requested change: the CHANGE_PACKAGE job of a change carries {@code upgrade:<id>} in its
 * custom_function column; the module is called with the new product, and the switch of product, cycle and
 * amounts is committed in the transaction that records the module's success. A refusal leaves the service
 * as it was and records why (and that a paid upgrade invoice needs a refund).
 */
public final class ProductChanges {
    private static final Logger LOG = LoggerFactory.getLogger(ProductChanges.class);
    private static final String PREFIX = "upgrade:";

    private final Jdbc jdbc;
    private final Catalog catalog;
    private final ActivityLog activity;
    private final HookPublisher hooks;
    private final BillingClock clock;
    private final CustomFieldValues fieldValues;

    public ProductChanges(Jdbc jdbc, Catalog catalog, ActivityLog activity, HookPublisher hooks, BillingClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.activity = activity;
        this.hooks = hooks;
        this.clock = clock;
        this.fieldValues = new CustomFieldValues(jdbc);
    }

    /** Whether a job's custom function names a change (a CHANGE_PACKAGE job queued by an upgrade). */
    public static boolean names(String customFunction) {
        return customFunction != null && customFunction.startsWith(PREFIX);
    }

    static String jobFunction(long upgradeId) {
        return PREFIX + upgradeId;
    }

    /** Queues the change an upgrade invoice pays, inside the payment's transaction. */
    public static void queueOnPayment(Jdbc jdbc, JobQueue jobs, long invoiceId) {
        for (UpgradeRow row : jdbc.query("SELECT " + UpgradeRow.COLUMNS + " FROM service_upgrades WHERE invoice_id = ?"
                + " AND state = 'pending'", UpgradeRow.MAPPER, invoiceId)) {
            jobs.enqueue(row.serviceId(), ModuleCommand.CHANGE_PACKAGE, jobFunction(row.id()));
        }
    }

    /** "Personal -> Premium", with the cycles when they differ. */
    static String describe(String oldName, BillingCycle oldCycle, String newName, BillingCycle newCycle) {
        return oldCycle == newCycle ? oldName + " -> " + newName
                : oldName + " (" + oldCycle.label() + ") -> " + newName + " (" + newCycle.label() + ")";
    }

    /** The pending change a job names; empty when it is no longer pending or its product is gone. */
    public Optional<Change> pending(String customFunction) {
        long id;
        try {
            id = Long.parseLong(customFunction.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbc.queryOne("SELECT " + UpgradeRow.COLUMNS + " FROM service_upgrades WHERE id = ? AND state = 'pending'",
                UpgradeRow.MAPPER, id).flatMap(row -> catalog.product(row.newProductId()).map(p -> new Change(row, p)));
    }

    /** One pending change being applied. */
    public final class Change {
        private final UpgradeRow row;
        private final Product product;

        private Change(UpgradeRow row, Product product) {
            this.row = row;
            this.product = product;
        }

        /** The product the module's ChangePackage is called with: the new one. */
        public Product product() {
            return product;
        }

        private boolean productChanges() {
            return row.oldProductId() != row.newProductId();
        }

        private List<Long> newFieldIds() {
            return product.customFields().stream().map(CustomField::id).toList();
        }

        private String what() {
            String oldName = catalog.product(row.oldProductId()).map(Product::name).orElse("#" + row.oldProductId());
            return "Service ID: " + row.serviceId() + " - " + describe(oldName, row.oldCycle(), product.name(),
                    row.newCycle());
        }

        /** Before the module call: the new product's fields get their values (the old product's stay until success). */
        public void prepare(ServiceRow service) {
            if (productChanges()) {
                Map<String, String> old = catalog.product(service.productId())
                        .map(p -> fieldValues.byName(service.id(), p)).orElse(Map.of());
                fieldValues.putAll(service.id(), CustomFieldValues.moved(old, product));
            }
        }

        /**
         * Inside the transaction that records the module's success: the service moves to the new product and
         * cycle; a negative difference becomes the client's credit; AfterProductUpgrade fires after the commit.
         */
        public void succeeded(ServiceRow service) {
            long now = clock.millis();
            if (jdbc.update("UPDATE service_upgrades SET state = 'applied', pending_service_id = NULL, updated = ?"
                    + " WHERE id = ? AND state = 'pending'", now, row.id()) != 1) {
                LOG.warn("Change no longer pending when its ChangePackage succeeded; nothing switched: upgrade={} service={}",
                        row.id(), row.serviceId());
                return;
            }
            String method = row.paymentMethod().isEmpty() ? service.subscription().paymentMethod() : row.paymentMethod();
            if (row.movesDueDate()) {
                jdbc.update("UPDATE services SET product_id = ?, billing_cycle = ?, amount = ?, payment_method = ?,"
                        + " next_due_date = ?, next_invoice_date = ?, billing_day = ?, updated = ? WHERE id = ?",
                        row.newProductId(), row.newCycle().code(), row.newRecurring(), method, row.newNextDueDate(),
                        row.newNextDueDate(), row.newNextDueDate() == null ? service.billingDay()
                                : row.newNextDueDate().getDayOfMonth(), now, row.serviceId());
            } else {
                jdbc.update("UPDATE services SET product_id = ?, billing_cycle = ?, amount = ?, payment_method = ?,"
                        + " updated = ? WHERE id = ?", row.newProductId(), row.newCycle().code(), row.newRecurring(),
                        method, now, row.serviceId());
            }
            if (productChanges()) {
                fieldValues.delete(row.serviceId(), newFieldIds(), true);
            }
            if (row.amount().signum() < 0) {
                BigDecimal credit = row.amount().negate();
                ClientCredit.add(jdbc, row.clientId(), credit, "Downgrade of service #" + row.serviceId()
                        + " (change #" + row.id() + ")", null, null, now, "The downgrade credit " + credit.toPlainString());
            }
            activity.log("Upgrade/Downgrade: " + what(), row.clientId());
            Map<String, Object> properties = new HashMap<>(Map.of(HookTopics.SERVICE_ID, row.serviceId(),
                    HookTopics.CLIENT_ID, row.clientId(), HookTopics.PRODUCT_ID, row.newProductId(),
                    HookTopics.INVOICE_ID, row.invoiceId()));
            jdbc.afterCommit(() -> hooks.post(HookTopics.AFTER_PRODUCT_UPGRADE, properties));
        }

        /**
         * After the module (or the service's status) refused: the new product's values go, the service keeps
         * its product and cycle. A transient failure keeps the change pending (its job is retried); a permanent
         * one fails it, recording why and flagging a paid upgrade invoice for a refund.
         */
        public void failed(String reason, boolean permanent) {
            jdbc.inTransaction(() -> {
                if (productChanges()) {
                    fieldValues.delete(row.serviceId(), newFieldIds(), false);
                }
                String stored = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
                if (!permanent) {
                    jdbc.update("UPDATE service_upgrades SET reason = ?, updated = ? WHERE id = ? AND state = 'pending'",
                            stored, clock.millis(), row.id());
                    return null;
                }
                boolean refund = row.invoiceId() != 0;
                if (jdbc.update("UPDATE service_upgrades SET state = 'failed', pending_service_id = NULL, reason = ?,"
                        + " refund = ?, updated = ? WHERE id = ? AND state = 'pending'", stored, refund, clock.millis(),
                        row.id()) == 1) {
                    activity.log("Upgrade/Downgrade Failed: " + what() + " - " + reason
                            + (refund ? " - Invoice #" + row.invoiceId() + " was paid: refund it" : ""), row.clientId());
                }
                return null;
            });
        }
    }
}
