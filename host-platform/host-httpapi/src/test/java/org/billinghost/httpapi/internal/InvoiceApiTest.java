package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.junit.jupiter.api.Test;

/** GetInvoice, AddInvoicePayment. */
class InvoiceApiTest extends ApiTestSupport {

    private record Placed(long invoiceId, long serviceId) {
    }

    private static Placed order(Product p) {
        Reply order = call("AddOrder", "clientid", String.valueOf(newClient()), "pid", String.valueOf(p.id()),
                "paymentmethod", "banktransfer").ok();
        return new Placed(order.id("invoiceid"), Long.parseLong(order.json().path("serviceids").asText()));
    }

    private static Product paid() {
        return product(AutoSetup.PAYMENT, "success", PayType.ONETIME, new BigDecimal("12.50"));
    }

    @Test
    void unpaidInvoiceShowsItsLinesAndBalance() {
        Placed placed = order(paid());

        JsonNode invoice = call("GetInvoice", "invoiceid", String.valueOf(placed.invoiceId())).ok().json();

        assertThat(invoice.path("status").asText()).isEqualTo("Unpaid");
        assertThat(invoice.path("total").asText()).isEqualTo("12.50");
        assertThat(invoice.path("balance").asText()).isEqualTo("12.50");
        assertThat(invoice.path("paymentmethod").asText()).isEqualTo("banktransfer");
        JsonNode item = invoice.path("items").path("item").get(0);
        assertThat(item.path("relid").asLong()).isEqualTo(placed.serviceId());
        assertThat(item.path("amount").asText()).isEqualTo("12.50");
    }

    @Test
    void paymentInFullPaysTheInvoiceAndAutoSetupPaymentRunsCreate() {
        Placed placed = order(paid());
        String invoiceId = String.valueOf(placed.invoiceId());

        call("AddInvoicePayment", "invoiceid", invoiceId, "transid", unique("tx-"), "gateway", "banktransfer",
                "amount", "2.50").ok();
        assertThat(call("GetInvoice", "invoiceid", invoiceId).ok().json().path("balance").asText()).isEqualTo("10.00");
        core.runDueJobs();
        assertThat(service(placed.serviceId()).path("status").asText()).isEqualTo("Pending");

        Reply rest = call("AddInvoicePayment", "invoiceid", invoiceId, "transid", unique("tx-"), "gateway", "banktransfer")
                .ok();
        core.runDueJobs();

        assertThat(rest.json().path("status").asText()).isEqualTo("Paid");
        assertThat(call("GetInvoice", "invoiceid", invoiceId).ok().json().path("status").asText()).isEqualTo("Paid");
        assertThat(service(placed.serviceId()).path("status").asText()).isEqualTo("Active");
    }

    @Test
    void aTransactionIdIsCountedOnlyOnce() {
        Placed placed = order(paid());
        String invoiceId = String.valueOf(placed.invoiceId());
        String tx = unique("tx-");
        call("AddInvoicePayment", "invoiceid", invoiceId, "transid", tx, "gateway", "x", "amount", "1.00").ok();

        Reply again = call("AddInvoicePayment", "invoiceid", invoiceId, "transid", tx, "gateway", "x", "amount", "1.00");

        assertThat(again.result()).isEqualTo("error");
        assertThat(again.status()).isEqualTo(200);
        assertThat(call("GetInvoice", "invoiceid", invoiceId).ok().json().path("balance").asText()).isEqualTo("11.50");
    }

    @Test
    void freeOrdersAreInvoicedAsPaidAtOnce() {
        Placed placed = order(freeProduct(AutoSetup.MANUAL));

        JsonNode invoice = call("GetInvoice", "invoiceid", String.valueOf(placed.invoiceId())).ok().json();

        assertThat(invoice.path("status").asText()).isEqualTo("Paid");
        call("AddInvoicePayment", "invoiceid", String.valueOf(placed.invoiceId()), "transid", "t", "gateway", "g")
                .refused(200, "The payment amount must be greater than zero");
    }

    @Test
    void badPaymentInputIsRefusedAndChangesNothing() {
        Placed placed = order(paid());
        String invoiceId = String.valueOf(placed.invoiceId());

        call("GetInvoice", "invoiceid", "999999").refused(200, "Invoice ID Not Found");
        call("GetInvoice", "invoiceid", "x1").refused(200, "Parameter invoiceid must be a positive whole number");
        call("AddInvoicePayment", "invoiceid", invoiceId, "gateway", "g").refused(200, "Missing required parameter: transid");
        call("AddInvoicePayment", "invoiceid", invoiceId, "transid", "t").refused(200, "Missing required parameter: gateway");
        call("AddInvoicePayment", "invoiceid", invoiceId, "transid", "t", "gateway", "g", "amount", "ten")
                .refused(200, "Parameter amount must be an amount like 12.50");
        call("AddInvoicePayment", "invoiceid", "999999", "transid", "t", "gateway", "g")
                .refused(200, "Invoice ID Not Found");

        assertThat(call("GetInvoice", "invoiceid", invoiceId).ok().json().path("balance").asText()).isEqualTo("12.50");
    }

    @Test
    void paymentAmountsInExponentNotationOrBeyondTheMoneyColumnsAreRefused() {
        String invoiceId = String.valueOf(order(paid()).invoiceId());

        call("AddInvoicePayment", "invoiceid", invoiceId, "transid", unique("t"), "gateway", "g", "amount", "1e2")
                .refused(200, "Parameter amount must be an amount like 12.50, got '1e2'");
        call("AddInvoicePayment", "invoiceid", invoiceId, "transid", unique("t"), "gateway", "g", "amount",
                "99999999999.99").refused(200,
                "Parameter amount must be a non-negative amount of at most 9999999999.99, got '99999999999.99'");

        assertThat(call("GetInvoice", "invoiceid", invoiceId).ok().json().path("balance").asText()).isEqualTo("12.50");
    }
}
