package org.billinghost.core.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.Actor;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.junit.jupiter.api.Test;

/** Each auto-setup mode runs Create at its moment and only then. */
class AutoSetupTest extends FlowTestSupport {
    @Test
    void orderModeCreatesAsSoonAsTheOrderIsPlaced() {
        Product product = shop.product(AutoSetup.ORDER, new BigDecimal("10.00"));
        Order order = shop.order(product, "https://example.com");
        long serviceId = order.serviceIds().get(0);

        assertThat(core.jobQueue().ofService(serviceId)).as("job stored with the order").hasSize(1);
        assertThat(module.calls(ModuleCommand.CREATE)).as("nothing runs before a worker does").isZero();

        assertThat(core.runDueJobs()).isEqualTo(1);
        assertThat(module.calls(ModuleCommand.CREATE, serviceId)).isEqualTo(1);
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(core.invoices().get(order.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.UNPAID);
        assertThat(core.hooks().events(HookTopics.AFTER_SHOPPING_CART_CHECKOUT)).hasSize(1);
        assertThat(core.hooks().events(HookTopics.after(ModuleCommand.CREATE))).hasSize(1);
    }

    @Test
    void theOrderBecomesActiveOnceItsServiceIsSetUpAndTheJobIsCreditedToWhoeverPaid() {
        Product product = shop.product(AutoSetup.PAYMENT, new BigDecimal("10.00"));
        Order order = shop.order(product, "https://example.com");
        long serviceId = order.serviceIds().get(0);
        try (Actor.Scope ignored = Actor.actAs(Actor.admin(1, "alice", "192.0.2.1"))) {
            core.invoices().addPayment(order.invoiceId(), new BigDecimal("10.00"), "tx-actor", "banktransfer");
        }
        assertThat(core.orders().get(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

        core.runDueJobs();

        assertThat(core.orders().get(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(core.activityLog().search("Service ID: " + serviceId, 0, 0, 10).items())
                .extracting(e -> e.message() + " by " + e.user() + " from " + e.actor().ip())
                .containsExactly("Module Create Successful - Service ID: " + serviceId + " by alice from 192.0.2.1");
    }

    @Test
    void paymentModeCreatesOnlyWhenTheInvoiceIsPaidInFull() {
        Product product = shop.product(AutoSetup.PAYMENT, new BigDecimal("10.00"));
        Order order = shop.order(product, "https://example.com");
        long serviceId = order.serviceIds().get(0);
        core.orders().accept(order.id(), true);
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).as("not on order nor on accept").isZero();

        core.invoices().addPayment(order.invoiceId(), new BigDecimal("4.00"), "tx-part-1", "banktransfer");
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).as("a partial payment does not set up").isZero();
        assertThat(core.hooks().events(HookTopics.INVOICE_PAID)).isEmpty();

        core.invoices().addPayment(order.invoiceId(), new BigDecimal("6.00"), "tx-part-2", "banktransfer");
        assertThat(core.jobQueue().ofService(serviceId)).as("job stored with the payment").hasSize(1);
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE, serviceId)).isEqualTo(1);
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(core.hooks().events(HookTopics.INVOICE_PAID)).hasSize(1);
        assertThat(core.hooks().events(HookTopics.ORDER_PAID)).hasSize(1)
                .allSatisfy(e -> assertThat(e.properties()).containsEntry(HookTopics.ORDER_ID, order.id()));
    }

    @Test
    void paymentModeOfAFreeOrderCreatesAtOnceBecauseItsInvoiceIsPaidAtOnce() {
        Product product = shop.product(AutoSetup.PAYMENT, BigDecimal.ZERO);
        Order order = shop.order(product, "https://example.com");
        assertThat(core.invoices().get(order.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        core.runDueJobs();
        assertThat(status(order.serviceIds().get(0))).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void onModeCreatesWhenAnAdminAcceptsTheOrder() {
        Product product = shop.product(AutoSetup.ACCEPT, new BigDecimal("5.00"));
        Order order = shop.order(product, "https://example.com");
        long serviceId = order.serviceIds().get(0);
        core.invoices().addPayment(order.invoiceId(), new BigDecimal("5.00"), "tx-on", "banktransfer");
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).as("not on order nor on payment").isZero();

        core.orders().accept(order.id(), true);
        assertThat(core.hooks().events(HookTopics.ACCEPT_ORDER)).hasSize(1);
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE, serviceId)).isEqualTo(1);
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void onModeWithoutModuleCreateOnAcceptDoesNothing() {
        Product product = shop.product(AutoSetup.ACCEPT, new BigDecimal("5.00"));
        Order order = shop.order(product, "https://example.com");
        core.orders().accept(order.id(), false);
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).isZero();
        assertThat(status(order.serviceIds().get(0))).isEqualTo(ServiceStatus.PENDING);
    }

    @Test
    void manualModeNeverCreatesByItselfOnlyWhenAnAdminRunsCreate() {
        Product product = shop.product(AutoSetup.MANUAL, new BigDecimal("5.00"));
        Order order = shop.order(product, "https://example.com");
        long serviceId = order.serviceIds().get(0);
        core.invoices().addPayment(order.invoiceId(), new BigDecimal("5.00"), "tx-manual", "banktransfer");
        core.orders().accept(order.id(), true);
        core.runDueJobs();
        assertThat(module.calls(ModuleCommand.CREATE)).isZero();
        assertThat(core.jobQueue().ofService(serviceId)).isEmpty();

        assertThat(core.moduleCommands().run(serviceId, ModuleCommand.CREATE, "", null).succeeded()).isTrue();
        assertThat(module.calls(ModuleCommand.CREATE, serviceId)).isEqualTo(1);
        assertThat(status(serviceId)).isEqualTo(ServiceStatus.ACTIVE);
    }
}
