package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.InvoiceStatus;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.OrderStatus;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.billinghost.core.internal.commands.Refusal;
import org.billinghost.core.internal.commands.Shop;
import org.junit.jupiter.api.Test;

class OrderWorkflowTest extends FlowTestSupport {

    private Order place(Product product, Map<String, String> fields, boolean byAdmin) {
        return core.orders().place(new OrderRequest(shop.client(), List.of(new OrderLine(product.id(), "", fields)), "", byAdmin));
    }

    @Test
    void placingAnOrderStoresOrderInvoiceServicesAndPresetsAdminOnlyDropdowns() {
        Product product = shop.product(AutoSetup.MANUAL, new BigDecimal("12.50"));
        Order order = shop.order(product, "https://site.example");

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.total()).isEqualByComparingTo("12.50");
        Invoice invoice = core.invoices().get(order.invoiceId()).orElseThrow();
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.UNPAID);
        assertThat(invoice.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("12.50");
            assertThat(line.serviceId()).isEqualTo(order.serviceIds().get(0));
        });
        ServiceAccount service = core.services().get(order.serviceIds().get(0)).orElseThrow();
        assertThat(service.status()).isEqualTo(ServiceStatus.PENDING);
        assertThat(service.module()).isEqualTo(Shop.MODULE);
        assertThat(service.customFields()).containsEntry("Site URL", "https://site.example").containsEntry("Plan", "gold")
                .containsEntry("Token", "");
        assertThat(core.orders().list(OrderStatus.PENDING, shop.client(), 0, 10).items()).extracting(Order::id)
                .containsExactly(order.id());
        assertThat(core.invoices().ofClient(shop.client(), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void invalidCustomFieldValuesAreRefusedAndNothingIsStored() {
        Product product = shop.product(AutoSetup.ORDER, BigDecimal.ONE);
        assertThat(Refusal.of(() -> place(product, Map.of("Site URL", "not a url"), false)))
                .isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(Refusal.of(() -> place(product, Map.of("Plan", "silver"), false))).isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(Refusal.of(() -> place(product, Map.of("Plan", "bronze"), true))).isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(Refusal.of(() -> place(product, Map.of("Colour", "red"), false))).isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(core.orders().list(null, 0, 0, 10).total()).isZero();
        assertThat(core.jobQueue().queueSize(true)).isZero();

        Order byAdmin = place(product, Map.of("Plan", "silver"), true);
        String planFieldId = Long.toString(product.customFields().stream().filter(f -> f.name().equals("Plan")).findFirst()
                .orElseThrow().id());
        Order byId = place(product, Map.of(planFieldId, "silver"), true);
        assertThat(core.services().get(byAdmin.serviceIds().get(0)).orElseThrow().customFields()).containsEntry("Plan", "silver");
        assertThat(core.services().get(byId.serviceIds().get(0)).orElseThrow().customFields()).containsEntry("Plan", "silver");
    }

    @Test
    void paymentsAreCountedOnceAndPartialPaymentsAddUp() {
        Order order = shop.order(shop.product(AutoSetup.MANUAL, new BigDecimal("10.00")), "https://a.example");
        long invoiceId = order.invoiceId();
        core.invoices().addPayment(invoiceId, new BigDecimal("3.00"), "tx-1", "paypal");
        assertThat(Refusal.of(() -> core.invoices().addPayment(invoiceId, new BigDecimal("3.00"), "tx-1", "paypal")))
                .isEqualTo(BillingException.Category.CONFLICT);
        assertThat(Refusal.of(() -> core.invoices().addPayment(invoiceId, new BigDecimal("-1"), "tx-2", "paypal")))
                .isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(Refusal.of(() -> core.invoices().addPayment(invoiceId, BigDecimal.ONE, " ", "paypal")))
                .isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(Refusal.of(() -> core.invoices().addPayment(987_654, BigDecimal.ONE, "tx-3", "paypal")))
                .isEqualTo(BillingException.Category.NOT_FOUND);
        Invoice partly = core.invoices().get(invoiceId).orElseThrow();
        assertThat(partly.paid()).isEqualByComparingTo("3.00");
        assertThat(partly.status()).isEqualTo(InvoiceStatus.UNPAID);

        Invoice paid = core.invoices().addPayment(invoiceId, new BigDecimal("7.00"), "tx-4", "paypal");
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.datePaid()).isNotNull();
        assertThat(Refusal.of(() -> core.invoices().addPayment(invoiceId, BigDecimal.ONE, "tx-5", "paypal")))
                .isEqualTo(BillingException.Category.CONFLICT);
    }

    @Test
    void theInvoiceListPagesAllClientsNewestFirstAndFiltersByStatus() {
        Product product = shop.product(AutoSetup.MANUAL, BigDecimal.TEN);
        Order first = shop.order(product, "https://a.example");
        Order second = shop.order(product, "https://b.example");
        Order third = shop.order(product, "https://c.example");
        core.invoices().addPayment(second.invoiceId(), BigDecimal.TEN, "tx-list", "paypal");

        assertThat(core.invoices().list(null, 0, 2).items()).extracting(Invoice::id)
                .containsExactly(third.invoiceId(), second.invoiceId());
        assertThat(core.invoices().list(null, 2, 2).items()).extracting(Invoice::id).containsExactly(first.invoiceId());
        assertThat(core.invoices().list(null, 0, 2).total()).isEqualTo(3);
        assertThat(core.invoices().list(InvoiceStatus.UNPAID, 0, 10).items()).extracting(Invoice::id)
                .containsExactly(third.invoiceId(), first.invoiceId());
        assertThat(core.invoices().list(InvoiceStatus.PAID, 0, 10).total()).isEqualTo(1);
        assertThat(core.invoices().list(InvoiceStatus.CANCELLED, 0, 10).items()).isEmpty();
        assertThat(Refusal.of(() -> core.invoices().list(null, -1, 10))).isEqualTo(BillingException.Category.INVALID_INPUT);
    }

    @Test
    void cancellingAnOrderCancelsItsPendingServicesInvoiceAndJobs() {
        Order order = shop.order(shop.product(AutoSetup.ORDER, BigDecimal.TEN), "https://a.example");
        Order cancelled = core.orders().cancel(order.id());
        core.runDueJobs();

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(status(order.serviceIds().get(0))).isEqualTo(ServiceStatus.CANCELLED);
        assertThat(core.invoices().get(order.invoiceId()).orElseThrow().status()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(module.calls(ModuleCommand.CREATE)).isZero();
        assertThat(Refusal.of(() -> core.orders().cancel(order.id()))).isEqualTo(BillingException.Category.CONFLICT);
        assertThat(Refusal.of(() -> core.orders().accept(order.id(), true))).isEqualTo(BillingException.Category.CONFLICT);
        assertThat(Refusal.of(() -> core.orders().accept(123_456, true))).isEqualTo(BillingException.Category.NOT_FOUND);
    }

    @Test
    void serviceUpdateChangesProductMovesValuesByNameAndFiresServiceEdit() {
        Product basic = shop.product(AutoSetup.MANUAL, BigDecimal.ONE);
        long serviceId = shop.service(basic);
        core.services().update(serviceId, new ServiceUpdate(null, null, null, Map.of("Token", "abc")));
        Product premium = core.catalog().addProduct(new NewProduct(basic.groupId(), "Premium " + serviceId, "",
                ProductType.OTHER, false, PayType.ONETIME, BigDecimal.TEN, Shop.MODULE, List.of("premium"), AutoSetup.MANUAL,
                List.of(NewCustomField.text("Site URL", "", false, true),
                        NewCustomField.adminOnly("Plan", CustomFieldType.DROPDOWN, "", List.of("platinum", "gold")))));

        ServiceAccount moved = core.services().update(serviceId, new ServiceUpdate("new.example", ServiceStatus.ACTIVE,
                premium.id(), null));

        assertThat(moved.productId()).isEqualTo(premium.id());
        assertThat(moved.domain()).isEqualTo("new.example");
        assertThat(moved.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(moved.customFields()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Site URL", "https://example.com", "Plan", "platinum"));
        assertThat(core.hooks().events(HookTopics.SERVICE_EDIT)).hasSize(2).last()
                .satisfies(e -> assertThat(e.properties()).containsEntry(HookTopics.PRODUCT_ID, premium.id()));

        assertThat(Refusal.of(() -> core.services().update(serviceId, new ServiceUpdate(null, ServiceStatus.PROVISIONING, null, null))))
                .isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(Refusal.of(() -> core.services().update(serviceId, new ServiceUpdate(null, null, 99_999L, null))))
                .isEqualTo(BillingException.Category.NOT_FOUND);
        assertThat(Refusal.of(() -> core.services().update(serviceId, new ServiceUpdate("x", null, null, Map.of("Plan", "tin")))))
                .isEqualTo(BillingException.Category.INVALID_INPUT);
        assertThat(core.services().get(serviceId).orElseThrow().domain()).as("a refused update changes nothing")
                .isEqualTo("new.example");
    }
}
