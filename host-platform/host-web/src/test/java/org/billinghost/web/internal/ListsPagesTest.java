package org.billinghost.web.internal;

import org.billinghost.api.billing.NewClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: the admin's lists sort by their columns, search, show names, and take bad input calmly. */
class ListsPagesTest {
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        server.core().clients().add(new NewClient("Anna", "Zimmer", "anna@lists.example", "Acme", "", "", "", "", "",
                "", "pw-1234567"));
        server.core().clients().add(new NewClient("Bert", "Young", "bert@lists.example", "", "", "", "", "", "", "",
                "pw-1234567"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theClientListSortsByAColumnBothWaysFromItsHeader() {
        Browser admin = server.admin();
        Browser.Page byName = admin.open("/admin/clients?search=lists.example&sort=name");
        assertThat(byName.doc().select("#client-list td:nth-child(2)").eachText()).containsExactly("Bert Young",
                "Anna Zimmer");
        String other = byName.doc().select("#client-list th a").get(1).attr("href");
        assertThat(other).isEqualTo("/admin/clients?search=lists.example&sort=name&dir=desc");
        assertThat(admin.open(other).doc().select("#client-list td:nth-child(2)").eachText())
                .containsExactly("Anna Zimmer", "Bert Young");
    }

    @Test
    void theGlobalSearchFindsClientsByCompanyAndLinksTheWholeList() {
        Browser.Page found = server.admin().open("/admin/search?q=acme");
        assertThat(found.doc().select("#found-clients a").eachText()).containsExactly("Anna Zimmer");
        assertThat(found.doc().select("a[href=/admin/clients?search=acme]")).hasSize(1);
        assertThat(found.doc().select("#global-search")).hasSize(1);
    }

    @Test
    void anUnknownSortColumnKeepsTheUsualOrderAndSaysSo() {
        Browser.Page page = server.admin().open("/admin/clients?sort=password_hash%3B+DROP+TABLE+clients");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select(".notice.info").text())
                .isEqualTo("This list cannot be sorted that way; it is shown in its usual order.");
        assertThat(page.body()).doesNotContain("password_hash");
        for (String list : new String[] {"/admin/orders", "/admin/invoices", "/admin/services"}) {
            assertThat(server.admin().open(list + "?sort=nope").status()).as(list).isEqualTo(200);
        }
    }

    @Test
    void searchesWithMetacharactersAndFarPagesAnswerNormally() {
        Browser admin = server.admin();
        for (String path : new String[] {"/admin/clients", "/admin/orders", "/admin/invoices", "/admin/services"}) {
            Browser.Page page = admin.open(path + "?search=%27%22%3E%3Cb%3E%25_%5C&page=999999");
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("\"><b>");
        }
        Browser.Page global = admin.open("/admin/search?q=%27+OR+1%3D1+--+%3Cscript%3E");
        assertThat(global.status()).isEqualTo(200);
        assertThat(global.doc().select("#found-clients")).isEmpty();
        assertThat(admin.open("/admin/search?q=" + "x".repeat(300)).status()).isEqualTo(400);
    }
}
