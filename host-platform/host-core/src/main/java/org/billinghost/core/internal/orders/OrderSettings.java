package org.billinghost.core.internal.orders;

import org.billinghost.api.billing.Orders;

/** The orders' and payments' settings, parsed once from {@link OrdersConfiguration}. */
public record OrderSettings(int maxLinesPerOrder, int maxQuantityPerLine, boolean refuseOverpayment,
                            String invoiceNumberFormat) {

    public OrderSettings {
        if (maxLinesPerOrder < 1 || maxQuantityPerLine < 1) {
            throw new IllegalArgumentException("Invalid order settings: " + maxLinesPerOrder + " lines per order, "
                    + maxQuantityPerLine + " per line (each must be at least 1)");
        }
        InvoiceNumbers.checkFormat(invoiceNumberFormat);
    }

    /** Settings with the default invoice number format. */
    public OrderSettings(int maxLinesPerOrder, int maxQuantityPerLine, boolean refuseOverpayment) {
        this(maxLinesPerOrder, maxQuantityPerLine, refuseOverpayment, InvoiceNumbers.DEFAULT_FORMAT);
    }

    public static OrderSettings defaults() {
        return new OrderSettings(Orders.DEFAULT_MAX_LINES_PER_ORDER, Orders.DEFAULT_MAX_QUANTITY_PER_LINE, false);
    }

    public static OrderSettings of(OrdersConfiguration config) {
        return new OrderSettings(config.maxLinesPerOrder(), config.maxQuantityPerLine(), config.refuseOverpayment(),
                config.invoiceNumberFormat());
    }
}
