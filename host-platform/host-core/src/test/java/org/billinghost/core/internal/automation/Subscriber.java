package org.billinghost.core.internal.automation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.internal.commands.FakeServerModule;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.testkit.CoreAssembly;

/**
 * A customer of a plan of the fake module (9.95 monthly, 99.00 annually, set up on payment) on a shared
 * test database. The automation looks at every service of the database, so {@link #of} first takes the
 * services earlier tests left out of its reach (no next invoice or due date): each test sees its own.
 */
final class Subscriber {
    static final BigDecimal MONTHLY = new BigDecimal("9.95");
    static final BigDecimal ANNUALLY = new BigDecimal("99.00");

    final CoreAssembly core;
    final Shop shop;
    private long payments;
    private int products;

    private Subscriber(CoreAssembly core) {
        this.core = core;
        this.shop = new Shop(core);
    }

    static Subscriber of(CoreAssembly core) {
        core.jdbc().update("UPDATE services SET next_invoice_date = NULL, next_due_date = NULL");
        if (core.moduleRegistry().server(Shop.MODULE).isEmpty()) {
            core.addServerModule(Shop.MODULE, new FakeServerModule());
        }
        return new Subscriber(core);
    }

    /** Orders the plan on {@code day}, pays the order and runs its Create: an Active service. */
    long activeService(LocalDate day, BillingCycle cycle) {
        core.clock().set(day);
        long group = core.catalog().createGroup("Plans " + shop.client() + " " + cycle + " " + ++products, false).id();
        long productId = core.catalog().addProduct(new NewProduct(group, "Plan " + cycle, "", ProductType.OTHER, false,
                PayType.RECURRING, null, Shop.MODULE, List.of(), AutoSetup.PAYMENT, List.of(), List.of(
                        new CyclePrice(BillingCycle.MONTHLY, MONTHLY, BigDecimal.ZERO),
                        new CyclePrice(BillingCycle.ANNUALLY, ANNUALLY, BigDecimal.ZERO)))).id();
        long serviceId = core.orders().place(new OrderRequest(shop.client(), List.of(new OrderLine(productId,
                "site.example", Map.of(), 1, cycle)), "banktransfer", true)).serviceIds().get(0);
        payAll();
        core.runDueJobs();
        return serviceId;
    }

    /** Pays every unpaid invoice of the customer in full. */
    void payAll() {
        for (Invoice invoice : unpaid()) {
            core.invoices().addPayment(invoice.id(), invoice.total(), "tx-" + shop.client() + "-" + ++payments,
                    "banktransfer");
        }
    }

    List<Invoice> unpaid() {
        return core.invoices().list(InvoiceStatus.UNPAID, shop.client(), 0, 100).items();
    }

    ServiceAccount service(long serviceId) {
        return core.services().get(serviceId).orElseThrow();
    }

    /** The starts of the renewal periods billed for the service, in order. */
    List<LocalDate> renewals(long serviceId) {
        return core.jdbc().query("SELECT period_from FROM invoice_items WHERE service_id = ? AND item_type = 'renewal'"
                + " ORDER BY period_from", rs -> rs.getObject(1, LocalDate.class), serviceId);
    }

    long jobs(long serviceId, String command) {
        return core.jdbc().queryLong("SELECT COUNT(*) FROM jobs WHERE service_id = ? AND command = ?", serviceId,
                command);
    }

    /** Runs the automation on {@code day} and the jobs it queued. */
    void runOn(LocalDate day) {
        core.clock().set(day);
        core.automation().runNow();
        core.runDueJobs();
    }
}
