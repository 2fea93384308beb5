package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.junit.jupiter.api.Test;

/**
 * Invoice numbers, transactions, client credit and order numbers and statuses as WHMCS clients read them:
 * GetInvoice, AddTransaction, GetTransactions, AddCredit, ApplyCredit, GetCredits, CancelOrder, PendingOrder,
 * DeleteOrder, ordernum.
 */
class BillingRecordsApiTest extends ApiTestSupport {

    private record Placed(long clientId, long orderId, long invoiceId) {
    }

    private static Placed order(String price) {
        long client = newClient();
        Reply order = call("AddOrder", "clientid", String.valueOf(client), "pid",
                String.valueOf(product(AutoSetup.MANUAL, "success", PayType.ONETIME, new BigDecimal(price)).id()),
                "paymentmethod", "banktransfer").ok();
        return new Placed(client, order.id("orderid"), order.id("invoiceid"));
    }

    private static JsonNode invoice(long invoiceId) {
        return call("GetInvoice", "invoiceid", String.valueOf(invoiceId)).ok().json();
    }

    @Test
    void anUnpaidInvoiceHasNoNumberNorPaymentDateAndAPaidOneHasBothWithItsTransactions() {
        Placed placed = order("12.50");
        JsonNode unpaid = invoice(placed.invoiceId());
        assertThat(unpaid.path("invoicenum").asText()).isEmpty();
        assertThat(unpaid.path("datepaid").asText()).isEqualTo("0000-00-00 00:00:00");
        assertThat(unpaid.path("transactions").path("transaction")).isEmpty();

        String tx = unique("tx-inv-");
        call("AddInvoicePayment", "invoiceid", String.valueOf(placed.invoiceId()), "transid", tx, "gateway", "paypal").ok();

        JsonNode paid = invoice(placed.invoiceId());
        assertThat(paid.path("invoicenum").asText()).matches("[0-9]+");
        assertThat(paid.path("datepaid").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")
                .isNotEqualTo("0000-00-00 00:00:00");
        JsonNode transaction = paid.path("transactions").path("transaction").get(0);
        assertThat(transaction.path("transid").asText()).isEqualTo(tx);
        assertThat(transaction.path("amountin").asText()).isEqualTo("12.50");
        assertThat(transaction.path("gateway").asText()).isEqualTo("paypal");
        assertThat(transaction.path("userid").asLong()).isEqualTo(placed.clientId());
        JsonNode listed = call("GetInvoices", "userid", String.valueOf(placed.clientId())).ok().json()
                .path("invoices").path("invoice").get(0);
        assertThat(listed.path("invoicenum").asText()).isEqualTo(paid.path("invoicenum").asText());
    }

    @Test
    void addTransactionPaysTheInvoiceOnceAndGetTransactionsFindsIt() {
        Placed placed = order("20.00");
        String invoiceId = String.valueOf(placed.invoiceId());
        String tx = unique("TX-Add-");

        call("AddTransaction", "paymentmethod", "banktransfer", "invoiceid", invoiceId, "transid", tx,
                "amountin", "5.00", "userid", String.valueOf(placed.clientId())).ok();
        call("AddTransaction", "paymentmethod", "banktransfer", "invoiceid", invoiceId, "transid", tx.toLowerCase(),
                "amountin", "5.00").refused(200, "already recorded");

        assertThat(invoice(placed.invoiceId()).path("balance").asText()).isEqualTo("15.00");
        JsonNode byId = call("GetTransactions", "transid", tx.toLowerCase()).ok().json();
        assertThat(byId.path("totalresults").asInt()).isEqualTo(1);
        assertThat(byId.path("transactions").path("transaction").get(0).path("invoiceid").asLong())
                .isEqualTo(placed.invoiceId());
        assertThat(call("GetTransactions", "clientid", String.valueOf(placed.clientId())).ok().json()
                .path("totalresults").asInt()).isEqualTo(1);
    }

    @Test
    void addTransactionRefusesWhatItDoesNotApplyAndChangesNothing() {
        Placed placed = order("20.00");
        String invoiceId = String.valueOf(placed.invoiceId());
        String tx = unique("tx-refused-");

        call("AddTransaction", "paymentmethod", "x", "invoiceid", invoiceId, "transid", tx, "amountin", "1.00",
                "fees", "0.30").refused(200, "Parameter fees is not supported");
        call("AddTransaction", "paymentmethod", "x", "transid", tx, "amountin", "1.00", "userid",
                String.valueOf(placed.clientId())).refused(200, "Parameter invoiceid is required");
        call("AddTransaction", "paymentmethod", "x", "invoiceid", invoiceId, "transid", tx, "amountin", "1.00",
                "credit", "true").refused(200, "Parameter credit=true is not supported");
        call("AddTransaction", "paymentmethod", "x", "invoiceid", invoiceId, "transid", tx, "amountin", "1.00",
                "userid", String.valueOf(newClient())).refused(200, "belongs to client " + placed.clientId());

        assertThat(invoice(placed.invoiceId()).path("balance").asText()).isEqualTo("20.00");
    }

    @Test
    void anOverpaymentAndAddedCreditAreAppliedToAnotherInvoiceAndListed() {
        Placed first = order("10.00");
        String client = String.valueOf(first.clientId());
        call("AddInvoicePayment", "invoiceid", String.valueOf(first.invoiceId()), "transid", unique("tx-over-"),
                "gateway", "paypal", "amount", "14.00").ok();
        JsonNode added = call("AddCredit", "clientid", client, "description", "Goodwill", "amount", "6.00").ok().json();
        assertThat(added.path("newbalance").asText()).isEqualTo("10.00");
        long second = call("AddOrder", "clientid", client, "pid", String.valueOf(product(AutoSetup.MANUAL, "success",
                PayType.ONETIME, new BigDecimal("25.00")).id())).ok().id("invoiceid");

        JsonNode applied = call("ApplyCredit", "invoiceid", String.valueOf(second)).ok().json();

        assertThat(applied.path("amount").asText()).isEqualTo("10.00");
        assertThat(applied.path("invoicepaid").asText()).isEqualTo("false");
        JsonNode invoice = invoice(second);
        assertThat(invoice.path("credit").asText()).isEqualTo("10.00");
        assertThat(invoice.path("total").asText()).isEqualTo("15.00");
        assertThat(invoice.path("balance").asText()).isEqualTo("15.00");
        call("ApplyCredit", "invoiceid", String.valueOf(second), "amount", "0.01").refused(200, "exceeds available credit");
        JsonNode credits = call("GetCredits", "clientid", client).ok().json();
        assertThat(credits.path("clientid").asLong()).isEqualTo(first.clientId());
        assertThat(credits.path("credits").path("credit")).extracting(c -> c.path("amount").asText())
                .containsExactly("4.00", "6.00", "-10.00");
        call("AddCredit", "clientid", client, "description", "Back", "amount", "1.00", "type", "remove")
                .refused(200, "Insufficient Credit Balance");
        call("AddCredit", "clientid", client, "description", "x", "amount", "1.00", "adminid", "1")
                .refused(200, "Parameter adminid is not supported");
    }

    @Test
    void cancelOrderRefusesAPaidOrActiveOrderAndPendingAndDeleteOrderFollowWhmcsRules() {
        Placed paid = order("10.00");
        call("AddInvoicePayment", "invoiceid", String.valueOf(paid.invoiceId()), "transid", unique("tx-cancel-"),
                "gateway", "paypal", "amount", "1.00").ok();
        call("CancelOrder", "orderid", String.valueOf(paid.orderId())).refused(200, "only an unpaid order can be cancelled");
        Placed active = order("10.00");
        call("AcceptOrder", "orderid", String.valueOf(active.orderId())).ok();
        call("CancelOrder", "orderid", String.valueOf(active.orderId())).refused(200, "only a Pending order");
        call("DeleteOrder", "orderid", String.valueOf(active.orderId()))
                .refused(200, "only a Cancelled or Fraud order can be deleted");

        Placed unpaid = order("10.00");
        String orderId = String.valueOf(unpaid.orderId());
        call("CancelOrder", "orderid", orderId).ok();
        call("PendingOrder", "orderid", orderId).ok();
        assertThat(call("GetOrders", "id", orderId).ok().json().path("orders").path("order").get(0)
                .path("status").asText()).isEqualTo("Pending");
        call("CancelOrder", "orderid", orderId).ok();
        call("DeleteOrder", "orderid", orderId).ok();

        assertThat(call("GetOrders", "id", orderId).ok().json().path("totalresults").asInt()).isZero();
        call("GetInvoice", "invoiceid", String.valueOf(unpaid.invoiceId())).refused(200, "Invoice ID Not Found");
    }

    @Test
    void createInvoiceBillsNumberedItemsAndAppliesCreditWhenAsked() {
        long client = newClient();
        String c = String.valueOf(client);
        call("AddCredit", "clientid", c, "description", "Prepaid", "amount", "5.00").ok();

        Reply created = call("CreateInvoice", "userid", c, "itemdescription1", "Consulting", "itemamount1", "30.00",
                "itemdescription2", "Travel", "itemamount2", "2.50", "itemtaxed2", "0", "duedate", "2031-01-31",
                "autoapplycredit", "1").ok();

        JsonNode invoice = invoice(created.id("invoiceid"));
        assertThat(invoice.path("userid").asLong()).isEqualTo(client);
        assertThat(invoice.path("orderid").asLong()).isZero();
        assertThat(invoice.path("duedate").asText()).isEqualTo("2031-01-31");
        assertThat(invoice.path("subtotal").asText()).isEqualTo("32.50");
        assertThat(invoice.path("credit").asText()).isEqualTo("5.00");
        assertThat(invoice.path("balance").asText()).isEqualTo("27.50");
        assertThat(invoice.path("items").path("item")).extracting(i -> i.path("description").asText() + " "
                + i.path("amount").asText() + " " + i.path("type").asText()).containsExactly("Consulting 30.00 ",
                "Travel 2.50 ");
    }

    @Test
    void createInvoiceRefusesWhatItDoesNotApplyAndCreatesNothing() {
        String c = String.valueOf(newClient());

        call("CreateInvoice", "userid", c, "itemdescription1", "A", "itemamount1", "1.00", "taxrate", "20")
                .refused(200, "Parameter taxrate is not supported");
        call("CreateInvoice", "userid", c, "itemdescription1", "A", "itemamount1", "1.00", "itemtaxed1", "1")
                .refused(200, "Parameter itemtaxed1=true is not supported");
        call("CreateInvoice", "userid", c, "itemdescription1", "A").refused(200, "Missing required parameter: itemamount1");
        call("CreateInvoice", "userid", c).refused(200, "An invoice needs 1 to 100 items");
        call("CreateInvoice", "userid", c, "itemdescription1", "A", "itemamount1", "1.00", "status", "Paid")
                .refused(200, "Parameter status must be Unpaid");

        assertThat(call("GetInvoices", "userid", c).ok().json().path("totalresults").asInt()).isZero();
    }

    @Test
    void updateInvoiceAddsItemsMovesTheDueDateAndCancelsOnlyWithoutMoneyTaken() {
        Placed placed = order("10.00");
        String invoiceId = String.valueOf(placed.invoiceId());

        call("UpdateInvoice", "invoiceid", invoiceId, "newitemdescription[0]", "Extra", "newitemamount[0]", "5.00",
                "newitemtaxed[0]", "0", "duedate", "2031-02-28").ok();
        JsonNode updated = invoice(placed.invoiceId());
        assertThat(updated.path("subtotal").asText()).isEqualTo("15.00");
        assertThat(updated.path("duedate").asText()).isEqualTo("2031-02-28");
        call("UpdateInvoice", "invoiceid", invoiceId, "notes", "x").refused(200, "Parameter notes is not supported");
        call("UpdateInvoice", "invoiceid", invoiceId, "status", "Paid").refused(200, "cannot become Paid");

        call("UpdateInvoice", "invoiceid", invoiceId, "status", "Cancelled").ok();
        assertThat(invoice(placed.invoiceId()).path("status").asText()).isEqualTo("Cancelled");
        call("UpdateInvoice", "invoiceid", invoiceId, "status", "Unpaid").ok();
        call("AddInvoicePayment", "invoiceid", invoiceId, "transid", unique("tx-upd-"), "gateway", "paypal",
                "amount", "1.00").ok();
        call("UpdateInvoice", "invoiceid", invoiceId, "status", "Cancelled").refused(200, "with 1.00 paid");
        assertThat(invoice(placed.invoiceId()).path("status").asText()).isEqualTo("Unpaid");
    }

    @Test
    void everyOrderHasATenDigitOrderNumberAnsweredByAddOrderAndGetOrders() {
        long client = newClient();
        Reply added = call("AddOrder", "clientid", String.valueOf(client), "pid",
                String.valueOf(freeProduct(AutoSetup.MANUAL).id())).ok();

        String number = added.json().path("ordernum").asText();
        assertThat(number).matches("[1-9][0-9]{9}");
        assertThat(call("GetOrders", "id", String.valueOf(added.id("orderid"))).ok().json().path("orders").path("order")
                .get(0).path("ordernum").asText()).isEqualTo(number);
    }
}
