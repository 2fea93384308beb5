package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.junit.jupiter.api.Test;

/**
 * Every list action, with each of its filters, paged two at a time until a page is empty: a client that
 * pages until {@code numreturned} is 0 must stop, having seen each record once.
 */
class PagingApiTest extends ApiTestSupport {

    private static final int PAGE = 2;

    @Test
    void everyListActionPagesToItsEnd() {
        String name = unique("Pager");
        List<Long> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(call("AddClient", "firstname", name, "lastname", "Client", "email", unique("pager") + "@example.com")
                    .ok().id("clientid"));
        }
        String client = String.valueOf(clients.get(0));
        String pid = String.valueOf(product(AutoSetup.MANUAL, "success", PayType.RECURRING, BigDecimal.TEN).id());
        JsonNode first = call("AddOrder", "clientid", client, "pid[]", pid, "pid[]", pid, "pid[]", pid,
                "domain[]", "a.example", "domain[]", "b.example", "domain[]", "c.example",
                "paymentmethod", "banktransfer").ok().json();
        call("AddOrder", "clientid", client, "pid", pid, "domain", "d.example", "paymentmethod", "banktransfer").ok();
        String order = first.path("orderid").asText();
        String[] services = first.path("serviceids").asText().split(",");
        String text = unique("Paged line ");
        String invoice = first.path("invoiceid").asText();
        String tx = unique("paged-tx-");
        for (int i = 0; i < 3; i++) {
            call("LogActivity", "description", text + i, "clientid", client).ok();
            call("AddCancelRequest", "serviceid", services[i]).ok();
            call("AddInvoicePayment", "invoiceid", invoice, "transid", tx + i, "gateway", "paypal", "amount", "1.00").ok();
            call("AddCredit", "clientid", client, "description", text + i, "amount", "1.00").ok();
        }

        pageToEnd(3, "GetClients", "clients", "client", "search", name);
        pageToEnd(2, "GetOrders", "orders", "order", "userid", client);
        pageToEnd(2, "GetOrders", "orders", "order", "userid", client, "status", "Pending");
        pageToEnd(1, "GetOrders", "orders", "order", "id", order);
        pageToEnd(0, "GetOrders", "orders", "order", "id", order, "status", "Cancelled");
        pageToEnd(0, "GetOrders", "orders", "order", "id", order, "userid", String.valueOf(clients.get(1)));
        pageToEnd(2, "GetInvoices", "invoices", "invoice", "userid", client);
        pageToEnd(2, "GetInvoices", "invoices", "invoice", "userid", client, "status", "Unpaid");
        pageToEnd(4, "GetClientsProducts", "products", "product", "clientid", client);
        pageToEnd(4, "GetClientsProducts", "products", "product", "clientid", client, "pid", pid);
        pageToEnd(1, "GetClientsProducts", "products", "product", "clientid", client, "domain", "b.example");
        pageToEnd(1, "GetClientsProducts", "products", "product", "serviceid", services[0]);
        pageToEnd(0, "GetClientsProducts", "products", "product", "serviceid", services[0], "domain", "b.example");
        pageToEnd(3, "GetActivityLog", "activity", "entry", "description", text, "clientid", client);
        pageToEnd(3, "GetCancelledPackages", "packages", "package");
        pageToEnd(3, "GetTransactions", "transactions", "transaction", "invoiceid", invoice);
        pageToEnd(3, "GetTransactions", "transactions", "transaction", "clientid", client);
        pageToEnd(1, "GetTransactions", "transactions", "transaction", "transid", tx + 1);
        pageToEnd(1, "GetTransactions", "transactions", "transaction", "transid", tx + 1, "invoiceid", invoice);
        pageToEnd(0, "GetTransactions", "transactions", "transaction", "transid", tx + 1, "clientid",
                String.valueOf(clients.get(1)));
        pageToEnd(3, "GetCredits", "credits", "credit", "clientid", client);
        pageToEnd(0, "GetCredits", "credits", "credit", "clientid", String.valueOf(clients.get(1)));
        String third = String.valueOf(clients.get(2));
        for (int i = 0; i < 3; i++) {
            call("SendEmail", "id", third, "customtype", "general", "customsubject", text + i, "custommessage", "m").ok();
        }
        // the signup e-mail and the three sent
        pageToEnd(4, "GetEmails", "emails", "email", "clientid", third);
    }

    /**
     * Pages {@code action} from {@code limitstart} 0 in steps of {@link #PAGE} until a page is empty, checking
     * each page's paging fields; the records must all differ and number {@code total}.
     */
    private static void pageToEnd(int total, String action, String list, String item, String... filters) {
        List<Long> ids = new ArrayList<>();
        for (int start = 0; ; start += PAGE) {
            List<String> fields = new ArrayList<>(List.of(filters));
            fields.addAll(List.of("limitstart", String.valueOf(start), "limitnum", String.valueOf(PAGE)));
            JsonNode page = call(action, fields.toArray(String[]::new)).ok().json();
            String what = action + " " + String.join(" ", filters) + " from " + start;
            assertThat(page.path("totalresults").asInt()).as(what).isEqualTo(total);
            assertThat(page.path("startnumber").asInt()).as(what).isEqualTo(start);
            assertThat(page.path("numreturned").asInt()).as(what).isEqualTo(Math.max(0, Math.min(PAGE, total - start)));
            JsonNode items = page.path(list).path(item);
            assertThat(items).as(what).hasSize(page.path("numreturned").asInt());
            if (items.isEmpty()) {
                break;
            }
            items.forEach(i -> ids.add(i.path("id").asLong()));
        }
        assertThat(ids).as(action + " " + String.join(" ", filters)).hasSize(total).doesNotHaveDuplicates();
    }
}
