package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.Invoice;
import org.billinghost.api.billing.Order;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.CyclePrice;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.testmodules.internal.TestServerModule;
import org.junit.jupiter.api.Test;

/** UpgradeProduct: WHMCS's calculation fields with calconly, the upgrade invoice, and refusals by name. */
class UpgradeApiTest extends ApiTestSupport {

    private static Product plan(long group, String price) {
        return core.catalog().addProduct(new NewProduct(group, unique("Plan "), "", ProductType.OTHER, false,
                PayType.RECURRING, null, TestServerModule.NAME, List.of("success", "Label", "apikey-value"),
                AutoSetup.PAYMENT, List.of(), List.of(new CyclePrice(BillingCycle.MONTHLY, new BigDecimal(price),
                        BigDecimal.ZERO))));
    }

    /** An Active monthly service paid for 1 March - 1 April 2027; the clock then stands on 11 March. */
    private static long activeService(Product product) {
        core.clock().set(LocalDate.of(2027, 3, 1));
        Order order = core.orders().place(new OrderRequest(newClient(), List.of(new OrderLine(product.id(),
                "site.example", Map.of(), 1, BillingCycle.MONTHLY)), "banktransfer", false));
        Invoice invoice = core.invoices().get(order.invoiceId()).orElseThrow();
        core.invoices().addPayment(invoice.id(), invoice.total(), unique("tx-"), "banktransfer");
        core.runDueJobs();
        core.clock().set(LocalDate.of(2027, 3, 11));
        return order.serviceIds().get(0);
    }

    private static Reply upgrade(long serviceId, Product to, String... more) {
        List<String> fields = new java.util.ArrayList<>(List.of("serviceid", String.valueOf(serviceId), "type", "product",
                "newproductid", String.valueOf(to.id()), "newproductbillingcycle", "monthly", "paymentmethod",
                "banktransfer"));
        fields.addAll(List.of(more));
        return call("UpgradeProduct", fields.toArray(String[]::new));
    }

    private static long stored(long serviceId) {
        return core.jdbc().queryLong("SELECT COUNT(*) FROM service_upgrades WHERE service_id = ?", serviceId);
    }

    @Test
    void calcOnlyAnswersWhmcsFieldsAndStoresNothing() {
        long group = group();
        Product personal = plan(group, "10.00");
        Product premium = plan(group, "30.00");
        long serviceId = activeService(personal);

        JsonNode quote = upgrade(serviceId, premium, "calconly", "true").ok().json();

        assertThat(List.of(quote.path("oldproductid").asLong(), quote.path("newproductid").asLong(),
                quote.path("daysuntilrenewal").asLong(), quote.path("totaldays").asLong()))
                .containsExactly(personal.id(), premium.id(), 21L, 31L);
        assertThat(List.of(quote.path("newproductname").asText(), quote.path("newproductbillingcycle").asText(),
                quote.path("price").asText(), quote.path("upgradeinprogress").asText()))
                .containsExactly(premium.name(), "monthly", "13.55", "false");
        assertThat(stored(serviceId)).isZero();
    }

    @Test
    void anUpgradeAnswersItsInvoiceAndADowngradeNone() {
        long group = group();
        Product personal = plan(group, "10.00");
        Product premium = plan(group, "30.00");
        long up = activeService(personal);
        long down = activeService(premium);

        JsonNode upgrade = upgrade(up, premium).ok().json();
        JsonNode downgrade = upgrade(down, personal).ok().json();

        assertThat(core.invoices().get(upgrade.path("invoiceid").asLong()).orElseThrow().total())
                .isEqualByComparingTo("13.55");
        assertThat(List.of(downgrade.path("invoiceid").asLong(), downgrade.path("price").asText()))
                .containsExactly(0L, "-13.55");
        assertThat(upgrade(up, premium, "calconly", "1").ok().json().path("upgradeinprogress").asBoolean()).isTrue();
    }

    @Test
    void badInputIsRefusedByNameAndNothingIsStored() {
        long group = group();
        Product personal = plan(group, "10.00");
        Product premium = plan(group, "30.00");
        Product elsewhere = plan(group(), "50.00");
        long serviceId = activeService(personal);
        String id = String.valueOf(serviceId);

        call("UpgradeProduct", "serviceid", id, "type", "configoptions", "newproductid", String.valueOf(premium.id()),
                "paymentmethod", "banktransfer").refused(200, "Parameter type must be 'product': 'configoptions' (config option"
                + " upgrades) is not supported");
        upgrade(serviceId, premium, "promocode", "SAVE10").refused(200, "Parameter promocode is not supported");
        call("UpgradeProduct", "serviceid", id, "type", "product", "newproductid", String.valueOf(premium.id()),
                "newproductbillingcycle", "weekly", "paymentmethod", "banktransfer")
                .refused(200, "Parameter newproductbillingcycle must be free, onetime, monthly");
        call("UpgradeProduct", "serviceid", id, "type", "product", "newproductid", String.valueOf(premium.id()))
                .refused(200, "Missing required parameter: paymentmethod");
        upgrade(serviceId, premium, "calconly", "maybe").refused(200, "Parameter calconly must be true or false");
        upgrade(serviceId, elsewhere).refused(200, "is not in the group of the service's product");
        call("UpgradeProduct", "serviceid", "999999", "type", "product", "newproductid", String.valueOf(premium.id()),
                "paymentmethod", "banktransfer").refused(200, "Service ID Not Found: 999999");
        assertThat(stored(serviceId)).isZero();
    }
}
