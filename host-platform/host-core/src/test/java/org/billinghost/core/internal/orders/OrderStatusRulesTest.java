package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.Transaction;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.billinghost.core.internal.commands.Refusal;
import org.junit.jupiter.api.Test;

/** WHMCS's rules for cancelling, setting back to Pending and deleting orders; payments listed as transactions. */
class OrderStatusRulesTest extends FlowTestSupport {

    private Order order() {
        return shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://a.example");
    }

    @Test
    void anActiveOrAlreadyPaidOrderIsNotCancelled() {
        Order accepted = core.orders().accept(order().id(), false);
        Order paid = order();
        core.invoices().addPayment(paid.invoiceId(), BigDecimal.ONE, "tx-rule-1", "paypal");

        assertThat(Refusal.of(() -> core.orders().cancel(accepted.id()))).isEqualTo(BillingException.Category.CONFLICT);
        assertThat(Refusal.of(() -> core.orders().cancel(paid.id()))).isEqualTo(BillingException.Category.CONFLICT);
        assertThat(core.orders().get(paid.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(core.invoices().get(paid.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.UNPAID);
    }

    @Test
    void aCancelledOrderSetBackToPendingHasItsServicesAndInvoiceBack() {
        Order order = order();
        core.orders().cancel(order.id());

        Order pending = core.orders().pending(order.id());

        assertThat(pending.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(status(order.serviceIds().get(0))).isEqualTo(ServiceStatus.PENDING);
        assertThat(core.invoices().get(order.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.UNPAID);
        assertThat(Refusal.of(() -> core.orders().pending(order.id()))).isEqualTo(BillingException.Category.CONFLICT);
    }

    @Test
    void onlyACancelledOrderWithoutPaymentsIsDeleted() {
        Order pending = order();
        Order cancelled = order();
        core.orders().cancel(cancelled.id());

        assertThat(Refusal.of(() -> core.orders().delete(pending.id()))).isEqualTo(BillingException.Category.CONFLICT);
        core.orders().delete(cancelled.id());

        assertThat(core.orders().get(cancelled.id())).isEmpty();
        assertThat(core.invoices().get(cancelled.invoiceId())).isEmpty();
        assertThat(core.services().get(cancelled.serviceIds().get(0))).isEmpty();
        assertThat(core.orders().get(pending.id())).isPresent();
        assertThat(Refusal.of(() -> core.orders().delete(cancelled.id()))).isEqualTo(BillingException.Category.NOT_FOUND);
    }

    @Test
    void transactionsAreListedByInvoiceClientAndTransactionIdInAnyCase() {
        Order first = order();
        Order second = order();
        core.invoices().addPayment(first.invoiceId(), BigDecimal.ONE, "TX-Rule-A", "paypal");
        core.invoices().addPayment(second.invoiceId(), new BigDecimal("2.00"), "tx-rule-b", "banktransfer");

        assertThat(core.invoices().transactions(first.invoiceId(), 0, null, 0, 10).items())
                .extracting(Transaction::transactionId).containsExactly("TX-Rule-A");
        assertThat(core.invoices().transactions(0, shop.client(), null, 0, 10).items())
                .extracting(Transaction::invoiceId).containsExactly(first.invoiceId(), second.invoiceId());
        assertThat(core.invoices().transactions(0, 0, "tx-rule-a", 0, 10).items())
                .extracting(t -> t.gateway() + " " + t.amount().toPlainString() + " " + t.clientId())
                .containsExactly("paypal 1.00 " + shop.client());
        assertThat(core.invoices().transactions(0, shop.client() + 1, null, 0, 10).total()).isZero();
    }
}
