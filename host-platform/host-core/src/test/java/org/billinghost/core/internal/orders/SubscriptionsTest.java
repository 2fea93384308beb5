package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Invoice.LineType;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.ServiceUpdate;
import org.billinghost.api.billing.Subscription;
import org.billinghost.api.billing.SubscriptionChange;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.internal.commands.Shop;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;

/** Prices per billing cycle, orders on a cycle, and payments that move the next due date, on every database. */
class SubscriptionsTest {
    private static final BigDecimal MONTHLY = new BigDecimal("9.95");
    private static final BigDecimal ANNUALLY = new BigDecimal("99.00");
    private static final BigDecimal SETUP = new BigDecimal("5.00");

    private static Product plan(CoreAssembly core, Shop shop) {
        long group = core.catalog().createGroup("Plans " + shop.client(), false).id();
        return core.catalog().addProduct(new NewProduct(group, "Plan " + shop.client(), "", ProductType.OTHER, false,
                PayType.RECURRING, null, "", List.of(), AutoSetup.MANUAL, List.of(), List.of(
                        new CyclePrice(BillingCycle.ANNUALLY, ANNUALLY, SETUP),
                        new CyclePrice(BillingCycle.MONTHLY, MONTHLY, BigDecimal.ZERO))));
    }

    private static Order order(CoreAssembly core, Shop shop, Product product, BillingCycle cycle) {
        return core.orders().place(new OrderRequest(shop.client(), List.of(new OrderLine(product.id(), "site.example",
                Map.of(), 1, cycle)), "banktransfer", true));
    }

    @AllDatabases.Test
    void aProductKeepsItsPricesPerCycleShortestFirst(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = plan(core, shop);

        assertThat(core.catalog().product(product.id()).orElseThrow().pricing()).containsExactly(
                new CyclePrice(BillingCycle.MONTHLY, MONTHLY, new BigDecimal("0.00")),
                new CyclePrice(BillingCycle.ANNUALLY, ANNUALLY, SETUP));
        assertThat(product.price()).isEqualByComparingTo(MONTHLY);
    }

    @AllDatabases.Test
    void aMonthlyOrderOnTheLastDayOfJanuaryIsDueOnTheLastDayOfEachMonth(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = plan(core, shop);
        core.clock().set(LocalDate.of(2028, 1, 31));

        Order order = order(core, shop, product, BillingCycle.MONTHLY);
        Invoice invoice = core.invoices().get(order.invoiceId()).orElseThrow();
        long serviceId = order.serviceIds().get(0);

        assertThat(invoice.total()).isEqualByComparingTo(MONTHLY);
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(invoice.lines()).extracting(Invoice.InvoiceLine::description)
                .containsExactly("Plan " + shop.client() + " - site.example (2028-01-31 - 2028-02-28)");
        Subscription before = core.services().get(serviceId).orElseThrow().subscription();
        assertThat(List.of(before.nextDueDate(), before.nextInvoiceDate()))
                .containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29));

        core.invoices().addPayment(invoice.id(), MONTHLY, "tx-jan-" + serviceId, "banktransfer");

        assertThat(core.services().get(serviceId).orElseThrow().subscription().nextDueDate())
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @AllDatabases.Test
    void anAnnualOrderChargesTheSetupFeeOnALineOfItsOwn(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = plan(core, shop);
        core.clock().set(LocalDate.of(2027, 3, 15));

        Order order = order(core, shop, product, BillingCycle.ANNUALLY);
        Invoice invoice = core.invoices().get(order.invoiceId()).orElseThrow();
        ServiceAccount service = core.services().get(order.serviceIds().get(0)).orElseThrow();

        assertThat(invoice.total()).isEqualByComparingTo("104.00");
        assertThat(invoice.lines()).extracting(Invoice.InvoiceLine::type).containsExactly(LineType.ORDER, LineType.SETUP);
        assertThat(service.subscription()).isEqualTo(new Subscription(BillingCycle.ANNUALLY, new BigDecimal("104.00"),
                new BigDecimal("99.00"), LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 15), LocalDate.of(2028, 3, 15),
                null, "banktransfer", false, null, ""));
    }

    @AllDatabases.Test
    void aCycleTheProductIsNotSoldOnIsRefusedNamingTheLineAndNothingIsStored(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = plan(core, shop);

        BillingException refusal = org.junit.jupiter.api.Assertions.assertThrows(BillingException.class,
                () -> order(core, shop, product, BillingCycle.QUARTERLY));

        assertThat(refusal.getMessage()).isEqualTo("Line 1: product 'Plan " + shop.client()
                + "' is not sold Quarterly; it is sold Monthly, Annually");
        assertThat(refusal.field()).contains("billingcycle");
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM orders WHERE client_id = ?", shop.client())).isZero();
    }

    @AllDatabases.Test
    void pricesWithThreeDecimalsOrOnTheWrongKindOfCycleAreRefusedByName(CoreAssembly core) {
        Shop shop = new Shop(core);
        long group = core.catalog().createGroup("Refused " + shop.client(), false).id();
        NewProduct threeDecimals = new NewProduct(group, "Three decimals", "", ProductType.OTHER, false,
                PayType.RECURRING, null, "", List.of(), AutoSetup.MANUAL, List.of(),
                List.of(new CyclePrice(BillingCycle.MONTHLY, new BigDecimal("9.955"), BigDecimal.ZERO),
                        new CyclePrice(BillingCycle.ANNUALLY, ANNUALLY, BigDecimal.ZERO)));
        NewProduct oneTimeMonthly = new NewProduct(group, "One time monthly", "", ProductType.OTHER, false,
                PayType.ONETIME, null, "", List.of(), AutoSetup.MANUAL, List.of(),
                List.of(new CyclePrice(BillingCycle.MONTHLY, MONTHLY, BigDecimal.ZERO)));

        assertThat(fieldOf(() -> core.catalog().addProduct(threeDecimals))).isEqualTo("monthly");
        assertThat(fieldOf(() -> core.catalog().addProduct(oneTimeMonthly))).isEqualTo("monthly");
        assertThat(core.catalog().productsInGroup(group)).isEmpty();
    }

    @AllDatabases.Test
    void anAdminsNewNextDueDateIsAlsoTheNextInvoiceDateAndIsLogged(CoreAssembly core) {
        Shop shop = new Shop(core);
        Product product = plan(core, shop);
        core.clock().set(LocalDate.of(2027, 5, 10));
        long serviceId = order(core, shop, product, BillingCycle.MONTHLY).serviceIds().get(0);

        core.services().update(serviceId, new ServiceUpdate(null, null, null, null, new SubscriptionChange(null,
                LocalDate.of(2027, 3, 31), new BigDecimal("12.00"), null, null, null)));

        Subscription after = core.services().get(serviceId).orElseThrow().subscription();
        assertThat(List.of(after.nextDueDate(), after.nextInvoiceDate()))
                .containsExactly(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 3, 31));
        assertThat(after.recurringAmount()).isEqualByComparingTo("12.00");
        assertThat(core.activityLog().search("Modified Service - Service ID: " + serviceId, 0, 0, 10).items())
                .extracting(e -> e.message()).containsExactly("Modified Service - Service ID: " + serviceId
                        + " - Next Due Date: 2027-05-10 -> 2027-03-31, Recurring Amount: 9.95 -> 12.00");
    }

    private static String fieldOf(Runnable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(BillingException.class, call::run).field().orElse("");
    }
}
