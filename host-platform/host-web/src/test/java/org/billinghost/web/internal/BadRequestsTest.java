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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the container cannot parse, or whose values would be costly to validate, answer a
 * short page of our own with 400: never a 500, never the container's page naming an exception.
 */
class BadRequestsTest {
    /** The Jetpack addon's Site URL check as shipped: its regular expression overflows the stack on a long dotted name. */
    private static final String SITE_URL_REGEX = "(?i)\\s*(https?://)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9._~!$&'()*+,;=:@%/-]*)?\\s*";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static WebServer server;
    private static Product jetpack;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        long group = server.core().catalog().createGroup("Jetpack", false).id();
        jetpack = server.core().catalog().addProduct(new NewProduct(group, "Jetpack Free", "", ProductType.OTHER,
                false, PayType.FREE, BigDecimal.ZERO, "", List.of(), AutoSetup.MANUAL, List.of(
                NewCustomField.text("Site URL", "", true, true).withValidation(SITE_URL_REGEX))));
        server.newClient("long@example.com");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aFortyKilobyteDottedSiteUrlIsRefusedOnTheOrderFormAndOrdersNothing() {
        Browser b = server.clientBrowser("long@example.com");
        b.open("/cart?pid=" + jetpack.id());
        String field = "cf_" + jetpack.id() + "_" + jetpack.customFields().get(0).id();
        Browser.Page answer = b.post("/cart", "pid", Long.toString(jetpack.id()), field, "a.".repeat(20_000) + "a");
        assertThat(answer.status()).isEqualTo(400);
        assertOurs(answer);
        assertThat(answer.doc().select("h1").text()).isEqualTo("Order");
        assertThat(answer.doc().select("#order-error").text()).contains("Site URL", "too long");
        long clientId = server.core().clients().byEmail("long@example.com").orElseThrow().id();
        assertThat(server.core().orders().list(null, clientId, 0, 10).items()).isEmpty();
    }

    @Test
    void aFormOverTheContainersLimitIsRefusedWithOurPage() {
        String big = "x".repeat(300_000);
        Browser.Page refused = server.browser().postBody("/login", FORM, "email=a&password=" + big);
        assertRefused(refused, CsrfFilter.UNREADABLE);
        // the rest of the body is never read: the browser must open a new connection for its next request
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
        assertRefused(server.browser().postBody("/admin/login", FORM, "username=a&password=" + big),
                CsrfFilter.UNREADABLE);
        Browser admin = server.admin();
        admin.open("/admin/configproducts");
        Browser.Page answer = admin.postBody("/admin/configproducts", FORM,
                "token=" + admin.token() + "&do=creategroup&name=Big&description=" + big);
        assertRefused(answer, CsrfFilter.UNREADABLE);
        assertThat(server.core().catalog().groups()).noneMatch(g -> g.name().equals("Big"));
    }

    @Test
    void aMalformedEscapeInTheFormIsRefusedWithOurPage() {
        assertRefused(server.browser().postBody("/login", FORM, "email=%zz&password=x"), CsrfFilter.UNREADABLE);
        Browser admin = server.admin();
        admin.open("/admin/configproducts");
        assertRefused(admin.postBody("/admin/configproducts", FORM,
                "token=" + admin.token() + "&do=creategroup&name=Escaped%zz"), CsrfFilter.UNREADABLE);
        assertThat(server.core().catalog().groups()).noneMatch(g -> g.name().startsWith("Escaped"));
    }

    @Test
    void aMalformedEscapeInTheQueryIsRefusedWithOurPage() throws IOException {
        for (String path : List.of("/store/product?id=%zz", "/admin/login?next=%zz", "/clientarea/services?x=%")) {
            String answer = rawGet(path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 400 ");
            assertThat(answer).as(path).contains("X-Frame-Options: DENY", CsrfFilter.UNREADABLE)
                    .doesNotContain("HTTP ERROR", "Exception", "jetty");
        }
    }

    @Test
    void aMultipartFormIsRefusedWithOurPage() {
        assertRefused(server.browser().postBody("/admin/login", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nadmin\r\n--x"), CsrfFilter.MULTIPART);
    }

    @Test
    void anotherMethodGetsOurPage() {
        Browser.Page answer = server.browser().method("PUT", "/admin/login");
        assertThat(answer.status()).isEqualTo(405);
        assertOurs(answer);
        assertThat(answer.headers().firstValue("Allow")).contains("GET, HEAD, POST");
    }

    private static void assertRefused(Browser.Page answer, String message) {
        assertThat(answer.status()).isEqualTo(400);
        assertOurs(answer);
        assertThat(answer.doc().select("main .notice.error").text()).isEqualTo(message);
    }

    /** Our layout, our security headers, nothing of the container's error page. */
    private static void assertOurs(Browser.Page answer) {
        assertThat(answer.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(answer.doc().select("header a.brand").text()).startsWith("Billing Host");
        assertThat(answer.body()).doesNotContain("HTTP ERROR", "Exception", "Error:", "jetty", "at org.");
    }

    /** A GET whose path no URI class would accept (a malformed escape), sent as bytes. */
    private static String rawGet(String pathAndQuery) throws IOException {
        URI base = URI.create(server.browser().base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
