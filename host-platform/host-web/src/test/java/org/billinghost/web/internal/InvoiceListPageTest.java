package org.billinghost.web.internal;

import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/invoices} without an id: every client's invoices, newest first, by status, with paging. */
class InvoiceListPageTest {
    private static WebServer server;
    private static final List<Long> INVOICES = new ArrayList<>();
    private static long clientId;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        long gid = server.core().catalog().createGroup("Invoiced", false).id();
        long pid = server.core().catalog().addProduct(new NewProduct(gid, "Billed", "", ProductType.OTHER, false,
                PayType.ONETIME, new BigDecimal("5.00"), "", List.of(), AutoSetup.MANUAL, List.of())).id();
        clientId = server.newClient("invoices@example.com").id();
        for (int i = 0; i < Pager.SIZE + 2; i++) {
            INVOICES.add(server.core().orders().place(new OrderRequest(clientId, List.of(new OrderLine(pid, "", Map.of())),
                    "", false)).invoiceId());
        }
        server.core().invoices().addPayment(INVOICES.get(0), new BigDecimal("5.00"), "tx-list-page", "test");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theListPagesNewestFirst() {
        Browser.Page first = server.admin().open("/admin/invoices");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.doc().select("#invoice-list tr")).hasSize(Pager.SIZE + 1);
        assertThat(first.doc().select("#invoice-list tr:nth-child(2) td a").first().text())
                .isEqualTo(Long.toString(INVOICES.get(INVOICES.size() - 1)));
        assertThat(first.text()).contains("Page 1 of 2");
        Browser.Page second = server.admin().open(first.doc().select(".pager a").attr("href"));
        assertThat(second.doc().select("#invoice-list td:first-child").eachText())
                .containsExactly(Long.toString(INVOICES.get(1)), Long.toString(INVOICES.get(0)));
    }

    @Test
    void theStatusFilterShowsOnlyThatStatusAndAnUnknownOneIsRefused() {
        Browser admin = server.admin();
        Browser.Page paid = admin.open("/admin/invoices?status=Paid");
        assertThat(paid.doc().select("#invoice-list td:first-child").eachText()).containsExactly(Long.toString(INVOICES.get(0)));
        assertThat(paid.doc().select("select[name=status] option[selected]").text()).isEqualTo("Paid");
        assertThat(admin.open("/admin/invoices?status=Cancelled").text()).contains("No invoices.");
        Browser.Page bad = admin.get("/admin/invoices?status=%3Cscript%3E");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("Choose a status from the list.");
    }

    @Test
    void aPaidInvoiceShowsItsNumberAndTransactionsAndTheClientItsCreditEntries() {
        server.core().invoices().changeCredit(clientId, new BigDecimal("2.50"), "Goodwill <b>");
        Browser admin = server.admin();

        Browser.Page invoice = admin.open("/admin/invoices?id=" + INVOICES.get(0));
        Browser.Page client = admin.open("/admin/clientssummary?id=" + clientId);

        assertThat(invoice.doc().select("#invoice-number").text()).isEqualTo("1");
        assertThat(invoice.doc().select("#invoice-transactions td").eachText()).contains("tx-list-page", "test");
        assertThat(client.doc().select("#client-credit").text()).isEqualTo("2.50");
        assertThat(client.doc().select("#client-credits td").eachText()).contains("Goodwill <b>");
    }

    @Test
    void rolesWithoutTheInvoicesPermissionAreRefused() {
        assertThat(server.adminWithRole("listsupport", "Support Operator").get("/admin/invoices").status()).isEqualTo(403);
        assertThat(server.adminWithRole("listsales", "Sales Operator").get("/admin/invoices").status()).isEqualTo(200);
    }
}
