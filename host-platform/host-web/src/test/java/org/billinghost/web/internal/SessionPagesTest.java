package org.billinghost.web.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions are made only for a form (its CSRF token) or a login: reading pages makes none. */
class SessionPagesTest {
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aPageWithoutAFormSetsNoCookie() {
        Browser b = server.browser();
        for (String page : List.of("/", "/store/product?id=424242", "/nosuchpage", "/clientarea/services",
                "/admin/", "/admin/clients")) {
            Browser.Page answer = b.get(page);
            assertThat(answer.setCookies()).as(page).isEmpty();
        }
        assertThat(b.cookie("BHCLIENT")).isEmpty();
        assertThat(b.cookie("BHADMIN")).isEmpty();
    }

    @Test
    void aPageWithAFormGetsASessionForItsToken() {
        Browser b = server.browser();
        Browser.Page login = b.get("/login");
        assertThat(login.setCookies()).singleElement().satisfies(c -> assertThat(c).startsWith("BHCLIENT="));
        assertThat(b.token()).isNotEmpty();
        assertThat(b.get("/login").setCookies()).isEmpty();
    }

    @Test
    void aPostWithoutASessionIsRefusedAsAnExpiredForm() {
        server.newClient("nosession@example.com");
        Browser.Page answer = server.browser().postRaw("/login", "email", "nosession@example.com", "password",
                WebServer.CLIENT_PASSWORD, "token", "guessed");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).contains("This form has expired or did not come from this site.");
        assertThat(answer.setCookies()).isEmpty();
    }
}
