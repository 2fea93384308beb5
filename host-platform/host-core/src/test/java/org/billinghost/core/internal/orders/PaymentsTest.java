package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Invoices;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.junit.jupiter.api.Test;

/** Payments above the amount due, amounts out of the columns' range, transaction ids in any case. */
class PaymentsTest extends FlowTestSupport {

    private long invoice(String price, AutoSetup autoSetup) {
        return shop.order(shop.product(autoSetup, new BigDecimal(price)), "https://a.example").invoiceId();
    }

    private void refused(Invoices invoices, long invoiceId, String amount, String transactionId,
                         BillingException.Category category, String message) {
        assertThatThrownBy(() -> invoices.addPayment(invoiceId, new BigDecimal(amount), transactionId, "paypal"))
                .isInstanceOfSatisfying(BillingException.class, e -> assertThat(e.category()).isEqualTo(category))
                .hasMessage(message);
    }

    private BigDecimal credit() {
        return core.clients().get(shop.client()).orElseThrow().credit();
    }

    @Test
    void anOverpaymentPaysTheInvoiceAndTheSurplusBecomesClientCredit() {
        long invoiceId = invoice("25000.00", AutoSetup.PAYMENT);
        core.invoices().addPayment(invoiceId, new BigDecimal("5000.00"), "tx-part", "paypal");

        Invoice paid = core.invoices().addPayment(invoiceId, new BigDecimal("50000.00"), "tx-over", "paypal");

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.paid()).isEqualByComparingTo("25000.00");
        assertThat(credit()).isEqualByComparingTo("30000.00");
        assertThat(core.jdbc().queryOne("SELECT amount FROM payments WHERE transaction_id = ?", rs -> rs.getBigDecimal(1),
                "tx-over")).hasValueSatisfying(amount -> assertThat(amount).isEqualByComparingTo("50000.00"));
        assertThat(core.jdbc().query("SELECT amount, description FROM client_credits WHERE client_id = ?",
                rs -> rs.getBigDecimal(1).toPlainString() + " " + rs.getString(2), shop.client()))
                .containsExactly("30000.00 Overpayment of invoice #" + invoiceId + " (transaction tx-over)");
        core.runDueJobs();
        assertThat(status(core.invoices().get(invoiceId).orElseThrow().lines().get(0).serviceId()))
                .isEqualTo(ServiceStatus.ACTIVE);
    }

    @Test
    void anOverpaymentIsRefusedWhenTheSettingSaysSo() {
        long invoiceId = invoice("10.00", AutoSetup.MANUAL);
        Invoices refusing = core.invoices(new OrderSettings(100, 100, true));

        refused(refusing, invoiceId, "1E+2", "tx-big", BillingException.Category.INVALID_INPUT, "The payment of 100 is"
                + " more than the 10.00 due on invoice " + invoiceId
                + ", and overpayments are refused (setting refuseOverpayment)");

        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM payments")).isZero();
        assertThat(refusing.addPayment(invoiceId, new BigDecimal("10.00"), "tx-exact", "paypal").status())
                .isEqualTo(InvoiceStatus.PAID);
        assertThat(credit()).isEqualByComparingTo("0");
    }

    @Test
    void amountsBeyondTheMoneyColumnsAreRefusedClearly() {
        long invoiceId = invoice("10.00", AutoSetup.MANUAL);
        String outOfRange = "The payment amount must be a positive amount of at most 9999999999.99 with at most 2 decimals";
        refused(core.invoices(), invoiceId, "99999999999.99", "tx-1", BillingException.Category.INVALID_INPUT, outOfRange);
        refused(core.invoices(), invoiceId, "1.001", "tx-2", BillingException.Category.INVALID_INPUT, outOfRange);
        refused(core.invoices(), invoiceId, "0", "tx-3", BillingException.Category.INVALID_INPUT, outOfRange);

        core.jdbc().update("UPDATE clients SET credit = ? WHERE id = ?", new BigDecimal("9999999999.00"), shop.client());
        refused(core.invoices(), invoiceId, "11.00", "tx-4", BillingException.Category.INVALID_INPUT,
                "The surplus 1.00 of this payment would take the client's credit above 9999999999.99");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM payments")).isZero();
        assertThat(core.invoices().get(invoiceId).orElseThrow().paid()).isEqualByComparingTo("0");
    }

    @Test
    void aTransactionIdIsTheSameInAnyLetterCase() {
        Order first = shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://a.example");
        Order second = shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://b.example");
        core.invoices().addPayment(first.invoiceId(), BigDecimal.ONE, "PAY-ABC", "paypal");

        refused(core.invoices(), second.invoiceId(), "1", "pay-abc", BillingException.Category.CONFLICT,
                "The transaction id 'pay-abc' is already recorded: a payment is never counted twice");
        assertThat(core.invoices().get(second.invoiceId()).orElseThrow().paid()).isEqualByComparingTo("0");
    }
}
