package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.junit.jupiter.api.Test;

/** The setting invoiceNumberFormat: its placeholders and the formats refused. */
class InvoiceNumbersTest extends FlowTestSupport {

    private static OrderSettings format(String format) {
        return new OrderSettings(100, 100, false, format);
    }

    @Test
    void theFormatsPlaceholdersBecomeThePaymentsDateAndTheNextNumber() {
        long first = shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://a.example").invoiceId();
        long second = shop.order(shop.product(AutoSetup.MANUAL, BigDecimal.TEN), "https://b.example").invoiceId();
        core.invoices().addPayment(first, BigDecimal.TEN, "tx-format-1", "paypal");
        LocalDate today = core.orders().today();

        String number = core.invoices(format("INV/{YEAR}{MONTH}{DAY}/{NUMBER}"))
                .addPayment(second, BigDecimal.TEN, "tx-format-2", "paypal").number();

        assertThat(number).isEqualTo(String.format("INV/%d%02d%02d/2", today.getYear(), today.getMonthValue(),
                today.getDayOfMonth()));
    }

    @Test
    void aFormatWithoutNumberWithAPlaceholderTwiceOrTooLongIsRefused() {
        assertThatThrownBy(() -> format("{YEAR}")).hasMessageContaining("it must hold {NUMBER}");
        assertThatThrownBy(() -> format("{NUMBER}-{NUMBER}")).hasMessageContaining("each placeholder once");
        assertThatThrownBy(() -> format("x".repeat(33) + "{NUMBER}")).hasMessageContaining("at most 32 characters");
        assertThat(format("x".repeat(32) + "{YEAR}{MONTH}{DAY}{NUMBER}").invoiceNumberFormat()).startsWith("xxx");
    }
}
