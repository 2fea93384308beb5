package org.billinghost.web.internal;

import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile names are printed as text on every page that shows them; no page carries a script. */
class XssTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";
    private static WebServer server;
    private static Product product;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        long gid = server.core().catalog().createGroup("Group " + SCRIPT, false).id();
        product = server.core().catalog().addProduct(new NewProduct(gid, SCRIPT, IMG, ProductType.OTHER, false,
                PayType.FREE, BigDecimal.ZERO, "", List.of(), AutoSetup.MANUAL,
                List.of(NewCustomField.text("Field " + SCRIPT, IMG, false, true))));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aProductNamedLikeAScriptAppearsAsTextInTheStoreAndTheOrderForm() {
        server.newClient("xss@example.com");
        Browser client = server.clientBrowser("xss@example.com");
        for (String page : List.of("/", "/store/product?id=" + product.id(), "/cart?pid=" + product.id())) {
            Browser.Page answer = client.open(page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertSafe(answer, page);
            assertThat(answer.text()).as(page).contains(SCRIPT);
        }
        assertThat(client.open("/cart?pid=" + product.id()).text()).contains("Field " + SCRIPT, IMG);
    }

    @Test
    void theAdminPagesPrintItAsTextToo() {
        Browser admin = server.admin();
        for (String page : List.of("/admin/configproducts", "/admin/configproducts?action=product&id=" + product.id())) {
            Browser.Page answer = admin.open(page);
            assertSafe(answer, page);
            assertThat(answer.text()).as(page).contains(SCRIPT);
        }
        Browser.Page search = admin.open("/admin/clients?search=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertSafe(search, "client search");
        assertThat(search.doc().select("input[name=search]").attr("value")).isEqualTo(SCRIPT);
        server.core().activityLog().log("Login from " + IMG, 0);
        Browser.Page log = admin.open("/admin/systemactivitylog");
        assertSafe(log, "activity log");
        assertThat(log.text()).contains("Login from " + IMG);
    }

    @Test
    void everyAnswerForbidsScriptsByPolicy() {
        for (String page : List.of("/", "/login", "/admin/login")) {
            Browser.Page answer = server.browser().open(page);
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(page).contains("nosniff");
        }
    }

    private static void assertSafe(Browser.Page page, String what) {
        // the only script is the bundle's own, by its address
        assertThat(page.doc().select("script").eachAttr("src")).as(what).allMatch("/assets/admin.js"::equals);
        assertThat(page.doc().select("script").eachText()).as(what).allMatch(String::isEmpty);
        assertThat(page.doc().select("img")).as(what).isEmpty();
        assertThat(page.body()).as(what).doesNotContain(SCRIPT).doesNotContain(IMG);
    }
}
