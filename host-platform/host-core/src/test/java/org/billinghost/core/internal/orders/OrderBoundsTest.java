package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.Orders;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.junit.jupiter.api.Test;

/** What one order may ask for: lines, quantities, custom field sizes, the total; a refused order stores nothing. */
class OrderBoundsTest extends FlowTestSupport {

    private void refused(Orders orders, OrderRequest request, String message) {
        assertThatThrownBy(() -> orders.place(request)).isInstanceOfSatisfying(BillingException.class,
                e -> assertThat(e.category()).isEqualTo(BillingException.Category.INVALID_INPUT)).hasMessage(message);
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM orders")).isZero();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM services")).isZero();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM invoices")).isZero();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM custom_field_values")).isZero();
        assertThat(core.jobQueue().queueSize(true)).isZero();
    }

    private static OrderRequest request(long clientId, List<OrderLine> lines) {
        return new OrderRequest(clientId, lines, "", false);
    }

    private Product siteProduct() {
        long groupId = core.catalog().createGroup("Sites", false).id();
        return core.catalog().addProduct(new NewProduct(groupId, "Site plan", "", ProductType.OTHER, false, PayType.ONETIME,
                BigDecimal.TEN, "fakemod", List.of(), AutoSetup.ORDER, List.of(new NewCustomField("Site URL", CustomFieldType.LINK, "", "", List.of(), false,
                        true, true, false))));
    }

    @Test
    void anOrderWithAFortyKilobyteSiteUrlIsRefusedAndChangesNothing() {
        Product product = siteProduct();
        refused(core.orders(), request(shop.client(), List.of(new OrderLine(product.id(), "",
                Map.of("Site URL", "a.".repeat(20_000) + "com")))),
                "The value of the custom field 'Site URL' is longer than 2000 characters");

        Order order = core.orders().place(request(shop.client(), List.of(new OrderLine(product.id(), "",
                Map.of("Site URL", "https://example.com:8443/blog")))));
        assertThat(core.services().get(order.serviceIds().get(0)).orElseThrow().customFields())
                .containsEntry("Site URL", "https://example.com:8443/blog");
    }

    @Test
    void linesAndQuantitiesAreBoundedByTheDefaultsBeforeAnythingIsLookedUp() {
        // neither the client nor the product exists: the bounds are checked first
        OrderLine unknown = new OrderLine(999_999, "", Map.of());
        refused(core.orders(), request(999_999, Collections.nCopies(Orders.DEFAULT_MAX_LINES_PER_ORDER + 1, unknown)),
                "An order has at most 100 lines (setting maxLinesPerOrder); this one has 101");
        refused(core.orders(), request(999_999, List.of(unknown, new OrderLine(999_999, "", Map.of(), 101))),
                "The quantity of line 2 must be from 1 to 100 (setting maxQuantityPerLine), not 101");
        refused(core.orders(), request(999_999, List.of(new OrderLine(999_999, "", Map.of(), 0))),
                "The quantity of line 1 must be from 1 to 100 (setting maxQuantityPerLine), not 0");
    }

    @Test
    void theSettingsSetTheBoundsAndAQuantityPlacesThatManyServices() {
        Orders orders = core.orders(core.catalog(), new OrderSettings(2, 3, false));
        Product product = shop.product(AutoSetup.ORDER, new BigDecimal("2.50"));
        OrderLine three = new OrderLine(product.id(), "example.com", Map.of("Site URL", "https://a.example"), 3);

        refused(orders, request(shop.client(), List.of(three, three, three)),
                "An order has at most 2 lines (setting maxLinesPerOrder); this one has 3");
        refused(orders, request(shop.client(), List.of(new OrderLine(product.id(), "", Map.of(), 4))),
                "The quantity of line 1 must be from 1 to 3 (setting maxQuantityPerLine), not 4");

        Order order = orders.place(request(shop.client(), List.of(three, new OrderLine(product.id(), "", Map.of()))));
        assertThat(order.serviceIds()).hasSize(4);
        assertThat(order.total()).isEqualByComparingTo("10.00");
        Invoice invoice = core.invoices().get(order.invoiceId()).orElseThrow();
        assertThat(invoice.lines()).extracting(Invoice.InvoiceLine::description).containsExactly(
                product.name() + " - example.com", product.name() + " - example.com", product.name() + " - example.com",
                product.name());
        assertThat(order.serviceIds()).allSatisfy(id -> assertThat(core.jdbc().queryLong(
                "SELECT COUNT(*) FROM jobs WHERE service_id = ?", id)).isEqualTo(1));
        assertThat(core.services().get(order.serviceIds().get(2)).orElseThrow().customFields())
                .containsEntry("Site URL", "https://a.example");
    }

    @Test
    void aTotalAboveWhatAnInvoiceHoldsIsRefused() {
        Product dear = shop.product(AutoSetup.MANUAL, new BigDecimal("9999999999.99"));
        refused(core.orders(), request(shop.client(), List.of(new OrderLine(dear.id(), "", Map.of(), 2))),
                "The order's total 19999999999.98 is more than 9999999999.99, the largest amount an invoice holds");
    }
}
