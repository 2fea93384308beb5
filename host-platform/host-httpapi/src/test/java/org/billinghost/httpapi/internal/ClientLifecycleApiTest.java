package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.junit.jupiter.api.Test;

/**
 * CloseClient and DeleteClient: what a closed client keeps, what is cancelled, what is deleted, and what keeps a
 * client from being closed or deleted.
 */
class ClientLifecycleApiTest extends ApiTestSupport {

    private record Placed(long orderId, long invoiceId, long serviceId) {
    }

    private static Placed order(long clientId, AutoSetup autoSetup, String price) {
        Reply order = call("AddOrder", "clientid", String.valueOf(clientId), "pid", String.valueOf(
                product(autoSetup, "success", PayType.ONETIME, new BigDecimal(price)).id())).ok();
        return new Placed(order.id("orderid"), order.id("invoiceid"),
                Long.parseLong(order.json().path("serviceids").asText()));
    }

    private static String clientStatus(long clientId) {
        return call("GetClientsDetails", "clientid", String.valueOf(clientId)).ok().json().path("status").asText();
    }

    private static String invoiceStatus(long invoiceId) {
        return call("GetInvoice", "invoiceid", String.valueOf(invoiceId)).ok().json().path("status").asText();
    }

    private static String orderStatus(long orderId) {
        return call("GetOrders", "id", String.valueOf(orderId)).ok().json().path("orders").path("order").get(0)
                .path("status").asText();
    }

    @Test
    void closeClientCancelsPendingOrdersServicesAndUnpaidInvoicesAndEndsLogins() {
        String email = unique("closing") + "@example.com";
        long client = call("AddClient", "firstname", "Ada", "lastname", "L", "email", email, "password2",
                "a good password 1").ok().id("clientid");
        Placed placed = order(client, AutoSetup.MANUAL, "9.00");

        assertThat(call("CloseClient", "clientid", String.valueOf(client)).ok().id("clientid")).isEqualTo(client);

        assertThat(clientStatus(client)).isEqualTo("Closed");
        assertThat(orderStatus(placed.orderId())).isEqualTo("Cancelled");
        assertThat(invoiceStatus(placed.invoiceId())).isEqualTo("Cancelled");
        assertThat(service(placed.serviceId()).path("status").asText()).isEqualTo("Cancelled");
        call("ValidateLogin", "email", email, "password2", "a good password 1").refused(200, "Email or Password Invalid");
        assertThat(core.clients().authenticate(email, "a good password 1")).isEmpty();
    }

    @Test
    void closeClientIsRefusedWhileAServiceRunsAndChangesNothing() {
        long client = newClient();
        Placed running = order(client, AutoSetup.ACCEPT, "5.00");
        call("AcceptOrder", "orderid", String.valueOf(running.orderId())).ok();
        core.runDueJobs();
        Placed pending = order(client, AutoSetup.MANUAL, "3.00");

        call("CloseClient", "clientid", String.valueOf(client))
                .refused(200, "still has services running (#" + running.serviceId() + "): terminate them first");

        assertThat(clientStatus(client)).isEqualTo("Active");
        assertThat(orderStatus(pending.orderId())).isEqualTo("Pending");
        assertThat(invoiceStatus(pending.invoiceId())).isEqualTo("Unpaid");
    }

    @Test
    void closeClientIsRefusedWhileAnUnpaidInvoiceHasMoneyTakenOnIt() {
        long client = newClient();
        Placed placed = order(client, AutoSetup.MANUAL, "10.00");
        call("AddInvoicePayment", "invoiceid", String.valueOf(placed.invoiceId()), "transid", unique("tx-part-"),
                "gateway", "banktransfer", "amount", "4.00").ok();

        call("CloseClient", "clientid", String.valueOf(client)).refused(200,
                "unpaid invoices with money taken on them (#" + placed.invoiceId() + ")");

        assertThat(clientStatus(client)).isEqualTo("Active");
        assertThat(invoiceStatus(placed.invoiceId())).isEqualTo("Unpaid");
    }

    @Test
    void closeClientRefusesAnUnknownOrMissingClient() {
        call("CloseClient", "clientid", "999999").refused(200, "Client ID Not Found: 999999");
        call("CloseClient").refused(200, "Missing required parameter: clientid");
    }

    @Test
    void deleteClientDeletesAClientWithoutPaymentsAndTheirOrdersInvoicesAndServices() {
        long client = newClient();
        Placed placed = order(client, AutoSetup.MANUAL, "6.00");

        assertThat(call("DeleteClient", "clientid", String.valueOf(client), "deleteusers", "true").ok().id("clientid"))
                .isEqualTo(client);

        call("GetClientsDetails", "clientid", String.valueOf(client)).refused(200, "Client Not Found");
        call("GetInvoice", "invoiceid", String.valueOf(placed.invoiceId())).refused(200, "Invoice ID Not Found");
        assertThat(call("GetOrders", "id", String.valueOf(placed.orderId())).ok().id("totalresults")).isZero();
        assertThat(core.jdbc().queryLong("SELECT COUNT(*) FROM services WHERE client_id = ?", client)).isZero();
    }

    @Test
    void deleteClientIsRefusedWhenMoneyWasTakenAndDeletesNothing() {
        long client = newClient();
        Placed placed = order(client, AutoSetup.MANUAL, "10.00");
        call("AddInvoicePayment", "invoiceid", String.valueOf(placed.invoiceId()), "transid", unique("tx-del-"),
                "gateway", "banktransfer", "amount", "1.00").ok();

        call("DeleteClient", "clientid", String.valueOf(client))
                .refused(200, "has payments or credit on record, which are never deleted: close the client instead");

        assertThat(clientStatus(client)).isEqualTo("Active");
        assertThat(invoiceStatus(placed.invoiceId())).isEqualTo("Unpaid");
    }

    @Test
    void deleteClientIsRefusedWhenAModuleWorkedOnAServiceAndDeletesNothing() {
        long client = newClient();
        Placed running = order(client, AutoSetup.ACCEPT, "5.00");
        call("AcceptOrder", "orderid", String.valueOf(running.orderId())).ok();
        core.runDueJobs();

        call("DeleteClient", "clientid", String.valueOf(client))
                .refused(200, "provisioned or worked on by a module (#" + running.serviceId() + ")");

        assertThat(service(running.serviceId()).path("status").asText()).isEqualTo("Active");
    }

    @Test
    void deleteClientRefusesSwitchesItCannotHonourByName() {
        long client = newClient();

        call("DeleteClient", "clientid", String.valueOf(client), "deletetransactions", "true")
                .refused(200, "Parameter deletetransactions=true is not supported by this host");
        call("DeleteClient", "clientid", String.valueOf(client), "deleteusers", "false")
                .refused(200, "Parameter deleteusers=false is not supported by this host");
        call("DeleteClient", "clientid", "999999").refused(200, "Client ID Not Found: 999999");

        assertThat(clientStatus(client)).isEqualTo("Active");
    }
}
