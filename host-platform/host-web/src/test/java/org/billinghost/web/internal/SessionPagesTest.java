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

    @Test
    void anotherHostOnTheDatabaseAcceptsTheLoggedInSessionsAndTheirForms() throws Exception {
        Browser admin = server.admin();
        Browser client = server.clientBrowser(server.newClient("twohosts@example.com").email());
        try (WebServer other = server.onSameDatabase()) {
            Browser adminThere = other.browser().header("Cookie", "BHADMIN=" + admin.cookie("BHADMIN").orElseThrow());
            Browser.Page dashboard = adminThere.get("/admin/");
            assertThat(dashboard.status()).isEqualTo(200);
            assertThat(dashboard.text()).contains("admin (Full Administrator)");
            Browser clientThere = other.browser().header("Cookie", "BHCLIENT=" + client.cookie("BHCLIENT").orElseThrow());
            assertThat(clientThere.get("/clientarea/services").text()).contains("twohosts@example.com");

            // the form token of the session is the same on both hosts: a logout posted there ends it here too
            assertThat(adminThere.post("/admin/logout").location()).hasValue("/admin/login");
            assertThat(admin.get("/admin/").location()).hasValue("/admin/login");
        }
    }

    @Test
    void aDisabledAdminLosesTheSession() {
        Browser b = server.adminWithRole("disabledlater", "Full Administrator");
        long id = server.core().admins().list().stream().filter(a -> a.username().equals("disabledlater"))
                .findFirst().orElseThrow().id();
        server.core().admins().setDisabled(id, true);
        assertThat(b.get("/admin/").location()).hasValue("/admin/login");
        server.core().admins().setDisabled(id, false);
        assertThat(b.get("/admin/").location()).hasValue("/admin/login");
    }

    @Test
    void aChangedPasswordEndsTheAdminsOtherSessionsButNotTheOneThatChangedIt() {
        Browser changer = server.adminWithRole("changesownpw", "Full Administrator");
        Browser elsewhere = server.adminAs("changesownpw", WebServer.ADMIN_PASSWORD);
        Browser otherAdmin = server.admin();
        long id = server.core().admins().list().stream().filter(a -> a.username().equals("changesownpw"))
                .findFirst().orElseThrow().id();
        changer.open("/admin/adminusers");
        Browser.Page answer = changer.submit("/admin/adminusers", "do", "password", "id", String.valueOf(id),
                "password", "a-new-password-1");
        assertThat(answer.text()).contains("Changed the password.");
        assertThat(changer.get("/admin/").status()).isEqualTo(200);
        assertThat(elsewhere.get("/admin/").location()).hasValue("/admin/login");
        assertThat(otherAdmin.get("/admin/").status()).isEqualTo(200);
    }
}
