package org.billinghost.core.internal.orders;

import org.billinghost.api.billing.Orders;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Billing host orders and payments",
        description = "Bounds of an order and what an invoice does with a payment above the amount due")
public @interface OrdersConfiguration {
    String PID = "org.billinghost.core.orders";

    @AttributeDefinition(name = "Lines per order", description = "Products (order lines) one order may have", min = "1")
    int maxLinesPerOrder() default Orders.DEFAULT_MAX_LINES_PER_ORDER;

    @AttributeDefinition(name = "Quantity per line", description = "Services one order line may ask for", min = "1")
    int maxQuantityPerLine() default Orders.DEFAULT_MAX_QUANTITY_PER_LINE;

    @AttributeDefinition(name = "Refuse overpayments", description = "Refuse a payment above the amount due instead of"
            + " turning the surplus into client credit")
    boolean refuseOverpayment() default false;

    @AttributeDefinition(name = "Invoice number format", description = "The number an invoice gets when it is paid"
            + " (WHMCS's sequential paid invoice numbering): {NUMBER} is the next number of one counter that never"
            + " restarts; {YEAR}, {MONTH} and {DAY} are the payment's date (UTC). At most 32 characters besides the"
            + " placeholders, and it must hold {NUMBER}")
    String invoiceNumberFormat() default InvoiceNumbers.DEFAULT_FORMAT;
}
