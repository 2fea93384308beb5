package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prices per cycle (AddProduct, GetProducts), orders on a cycle, the billing fields of a service, GetInvoices. */
class SubscriptionApiTest extends ApiTestSupport {

    private static long plan() {
        return call("AddProduct", "gid", String.valueOf(group()), "name", unique("Plan "), "paytype", "recurring",
                "pricing[1][monthly]", "9.95", "pricing[1][annually]", "99.00", "pricing[1][asetupfee]", "5.00",
                "pricing[1][quarterly]", "-1.00").ok().id("pid");
    }

    private static JsonNode serviceOf(long clientId) {
        return call("GetClientsProducts", "clientid", String.valueOf(clientId)).ok().json().path("products")
                .path("product").get(0);
    }

    @Test
    void getProductsAnswersWhmcsPricingBlockWithMinusOneForCyclesNotOffered() {
        long pid = plan();

        JsonNode usd = call("GetProducts", "pid", String.valueOf(pid)).ok().json().path("products").path("product").get(0)
                .path("pricing").path("USD");

        assertThat(List.of(usd.path("prefix").asText(), usd.path("monthly").asText(), usd.path("quarterly").asText(),
                usd.path("annually").asText(), usd.path("msetupfee").asText(), usd.path("asetupfee").asText(),
                usd.path("triennially").asText())).containsExactly("$", "9.95", "-1.00", "99.00", "0.00", "5.00", "-1.00");
    }

    @Test
    void pricingOfAnotherCurrencyAnUnknownCycleOrAFeeWithoutItsCycleIsRefusedAndNothingAdded() {
        long gid = group();
        int before = core.catalog().products().size();

        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "paytype", "recurring", "pricing[EUR][monthly]", "1.00")
                .refused(200, "Parameter pricing[eur][monthly]: this host sells in USD only");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "paytype", "recurring", "pricing[1][weekly]", "1.00")
                .refused(200, "Parameter pricing[1][weekly] must name a cycle");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "paytype", "recurring", "pricing[1][monthly]", "1.00",
                "pricing[1][qsetupfee]", "2.00").refused(200, "Parameter pricing[qsetupfee] is a setup fee of quarterly");
        call("AddProduct", "gid", String.valueOf(gid), "name", "X", "paytype", "recurring", "pricing[1][monthly]", "1.005")
                .refused(200, "at most two decimals");

        assertThat(core.catalog().products()).hasSize(before);
    }

    @Test
    void anOrderOnAnAnnualCycleChargesThePeriodAndTheSetupFeeAndIsDueToday() {
        long pid = plan();
        long clientId = newClient();

        long invoiceId = call("AddOrder", "clientid", String.valueOf(clientId), "pid[0]", String.valueOf(pid),
                "billingcycle[0]", "annually", "paymentmethod", "banktransfer").ok().id("invoiceid");

        assertThat(call("GetInvoice", "invoiceid", String.valueOf(invoiceId)).ok().json().path("total").asText())
                .isEqualTo("104.00");
        JsonNode service = serviceOf(clientId);
        assertThat(List.of(service.path("billingcycle").asText(), service.path("nextduedate").asText(),
                service.path("recurringamount").asText(), service.path("firstpaymentamount").asText(),
                service.path("paymentmethod").asText())).containsExactly("Annually", core.clock().today().toString(),
                "99.00", "104.00", "banktransfer");
    }

    @Test
    void aCycleThatIsNoCycleOrIsNotOfferedIsRefusedAndNoOrderIsPlaced() {
        long pid = plan();
        long clientId = newClient();

        call("AddOrder", "clientid", String.valueOf(clientId), "pid[0]", String.valueOf(pid), "billingcycle[0]", "weekly")
                .refused(200, "Parameter billingcycle[0] must be free, onetime, monthly");
        call("AddOrder", "clientid", String.valueOf(clientId), "pid[0]", String.valueOf(pid), "billingcycle[0]",
                "quarterly").refused(200, "Line 1: product");

        assertThat(call("GetOrders", "userid", String.valueOf(clientId)).ok().json().path("totalresults").asInt()).isZero();
    }

    @Test
    void updateClientProductMovesTheNextDueDateAndRefusesADateThatIsNoDate() {
        long pid = plan();
        long clientId = newClient();
        long serviceId = call("AddOrder", "clientid", String.valueOf(clientId), "pid[0]", String.valueOf(pid)).ok()
                .id("serviceids");

        call("UpdateClientProduct", "serviceid", String.valueOf(serviceId), "nextduedate", "31/01/2027")
                .refused(200, "Parameter nextduedate must be a date like 2027-01-31");
        call("UpdateClientProduct", "serviceid", String.valueOf(serviceId), "nextduedate", "2027-01-31",
                "overideautosuspend", "1", "overidesuspenduntil", "2027-02-15").ok();

        JsonNode service = serviceOf(clientId);
        assertThat(List.of(service.path("nextduedate").asText(), service.path("nextinvoicedate").asText(),
                service.path("overideautosuspend").asText(), service.path("overidesuspenduntil").asText()))
                .containsExactly("2027-01-31", "2027-01-31", "true", "2027-02-15");
    }

    @Test
    void getInvoicesFiltersByClientAndStatus() {
        long pid = plan();
        long clientId = newClient();
        long first = call("AddOrder", "clientid", String.valueOf(clientId), "pid[0]", String.valueOf(pid)).ok()
                .id("invoiceid");
        long second = call("AddOrder", "clientid", String.valueOf(clientId), "pid[0]", String.valueOf(pid)).ok()
                .id("invoiceid");
        call("AddInvoicePayment", "invoiceid", String.valueOf(first), "transid", unique("tx-"), "gateway", "banktransfer")
                .ok();

        JsonNode unpaid = call("GetInvoices", "userid", String.valueOf(clientId), "status", "Unpaid").ok().json();

        assertThat(unpaid.path("totalresults").asInt()).isEqualTo(1);
        assertThat(unpaid.path("invoices").path("invoice").get(0).path("id").asLong()).isEqualTo(second);
        call("GetInvoices", "status", "Overdue").refused(200, "Parameter status must be Unpaid, Paid or Cancelled");
    }
}
