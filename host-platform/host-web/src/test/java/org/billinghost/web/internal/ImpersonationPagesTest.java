package org.billinghost.web.internal;

import org.billinghost.api.billing.Client;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.Permissions;
import org.billinghost.api.platform.ActivityEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: "Login as Client" — the admin opens the client area as the client (POST with the form token, the
 * clients permission), every client-area page shows the banner with the way back, the start and the end are
 * activity lines of the admin with the address, and the session ends with the admin's session, a disabled admin or
 * a role without the clients permission.
 */
class ImpersonationPagesTest {
    private static final String HOSTILE = "<b>Bold</b>";
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Client client(String email) {
        return server.core().clients().add(new NewClient(HOSTILE, "O'Neil", email, "", "1 Main St", "Berlin", "BE",
                "10115", "DE", "+49 30 1234", WebServer.CLIENT_PASSWORD));
    }

    /** The admin's browser after pressing "Login as Client" on the client's page: it is in the client area now. */
    private static Browser.Page loginAs(Browser admin, long clientId) {
        admin.open("/admin/clientssummary?id=" + clientId);
        return admin.submit("/admin/clientssummary?id=" + clientId, "do", "loginas");
    }

    private static List<ActivityEntry> lines(String search, long clientId) {
        return server.core().activityLog().search(search, clientId, 0, 10).items();
    }

    @Test
    void theAdminOpensTheClientAreaAsTheClientWithAnEscapedBannerOnEveryPage() {
        Client c = client("banner@example.com");
        Browser admin = server.admin();
        Browser.Page services = loginAs(admin, c.id());

        assertThat(services.doc().select("h1").text()).isEqualTo("My services");
        String banner = "You are logged in as " + HOSTILE + " O'Neil by admin admin. The client's password cannot be "
                + "changed while you are logged in as the client.";
        assertThat(services.doc().select("#impersonation p").text()).isEqualTo(banner);
        assertThat(services.body()).doesNotContain(HOSTILE);
        for (String page : List.of("/clientarea/invoices", "/clientarea/emails", "/clientarea/details", "/")) {
            assertThat(admin.open(page).doc().select("#impersonation p").text()).as(page).isEqualTo(banner);
        }
        assertThat(lines("Login as Client started - Client ID: " + c.id(), c.id()))
                .extracting(ActivityEntry::user, e -> e.actor().ip()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("admin", "127.0.0.1"));
    }

    @Test
    void aClientLoggedInThemselvesSeesNoBanner() {
        Client c = client("nobanner@example.com");
        Browser.Page page = server.clientBrowser(c.email()).open("/clientarea/services");
        assertThat(page.doc().select("#impersonation")).isEmpty();
    }

    @Test
    void returnToAdminAreaEndsItAndGoesBackToTheClientsPage() {
        Client c = client("return@example.com");
        Browser admin = server.admin();
        loginAs(admin, c.id());

        Browser.Page back = admin.post("/clientarea/returntoadmin");
        assertThat(back.location()).hasValue("/admin/clientssummary?id=" + c.id());
        Browser.Page summary = admin.open(back.location().get());
        assertThat(summary.doc().select(".notice.ok").text())
                .isEqualTo("You are back in the admin area; the login as " + HOSTILE + " O'Neil has ended.");
        assertThat(admin.get("/clientarea/services").location()).hasValue("/login?next=%2Fclientarea%2Fservices");
        assertThat(lines("Login as Client ended - Client ID: " + c.id(), c.id())).extracting(ActivityEntry::message,
                ActivityEntry::user).containsExactly(org.assertj.core.groups.Tuple.tuple("Login as Client ended - "
                + "Client ID: " + c.id() + " - returned to the admin area", "admin"));
    }

    @Test
    void aLogoutOrALoginInTheClientAreaEndsIt() {
        Client c = client("clientlogout@example.com");
        Client other = client("otherlogin@example.com");
        Browser admin = server.admin();
        loginAs(admin, c.id());
        admin.open("/clientarea/services");
        assertThat(admin.post("/logout").location()).hasValue("/");

        loginAs(admin, c.id());
        admin.open("/login");
        Browser.Page own = admin.submit("/login", "email", other.email(), "password", WebServer.CLIENT_PASSWORD);
        assertThat(own.doc().select("#impersonation")).isEmpty();
        assertThat(lines("Login as Client ended - Client ID: " + c.id(), c.id())).extracting(ActivityEntry::message)
                .containsExactly("Login as Client ended - Client ID: " + c.id() + " - logged out of the client area",
                        "Login as Client ended - Client ID: " + c.id() + " - logged out of the client area");
    }

    @Test
    void startingAndReturningNeedTheFormToken() {
        Client c = client("token@example.com");
        Browser admin = server.admin();
        admin.open("/admin/clientssummary?id=" + c.id());
        Browser.Page refused = admin.postRaw("/admin/clientssummary?id=" + c.id(), "do", "loginas");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(admin.cookie("BHCLIENT")).isEmpty();
        assertThat(lines("Login as Client", c.id())).isEmpty();

        loginAs(admin, c.id());
        assertThat(admin.postRaw("/clientarea/returntoadmin", "token", "forged").status()).isEqualTo(403);
        assertThat(admin.open("/clientarea/services").doc().select("#impersonation")).hasSize(1);
    }

    @Test
    void anAdminWithoutTheClientsPermissionMayNotLogInAsAClient() {
        server.core().admins().saveRole("Invoice Clerk", Set.of(Permissions.INVOICES));
        Client c = client("noperm@example.com");
        Browser clerk = server.adminWithRole("invoiceclerk", "Invoice Clerk");
        clerk.open("/admin/invoices");
        Browser.Page refused = clerk.post("/admin/clientssummary?id=" + c.id(), "do", "loginas");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(clerk.cookie("BHCLIENT")).isEmpty();
        assertThat(lines("Login as Client", c.id())).isEmpty();
    }

    @Test
    void aClientThatDoesNotExistGetsAClearNotice() {
        Browser admin = server.admin();
        admin.open("/admin/clients");
        Browser.Page answer = admin.post("/admin/clientssummary?id=987654", "do", "loginas");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.doc().select("main p.notice").text()).isEqualTo("There is no client #987654.");
        assertThat(admin.cookie("BHCLIENT")).isEmpty();
    }

    @Test
    void aClosedClientIsRefused() {
        Client c = client("closed@example.com");
        server.core().clients().close(c.id());
        Browser admin = server.admin();
        Browser.Page page = loginAs(admin, c.id());
        assertThat(page.doc().select(".notice.error").text())
                .isEqualTo("Client #" + c.id() + " is closed: a closed client cannot log in.");
        assertThat(admin.cookie("BHCLIENT")).isEmpty();
    }

    @Test
    void theAdminsLogoutOnAnotherHostEndsIt() throws Exception {
        Client c = client("logout@example.com");
        Browser admin = server.admin();
        loginAs(admin, c.id());
        try (WebServer other = server.onSameDatabase()) {
            Browser adminThere = other.browser().header("Cookie", "BHADMIN=" + admin.cookie("BHADMIN").orElseThrow());
            adminThere.open("/admin/");
            assertThat(adminThere.post("/admin/logout").location()).hasValue("/admin/login");
        }
        assertThat(admin.get("/clientarea/services").location()).hasValue("/login?next=%2Fclientarea%2Fservices");
        assertThat(lines("Login as Client ended - Client ID: " + c.id(), c.id())).extracting(ActivityEntry::message)
                .containsExactly("Login as Client ended - Client ID: " + c.id() + " - the admin logged out");
    }

    @Test
    void aDisabledAdminOrARoleWithoutClientsEndsItAtTheNextRequest() {
        Client c = client("disabled@example.com");
        Browser admin = server.adminWithRole("disabledimp", "Full Administrator");
        long adminId = adminId("disabledimp");
        loginAs(admin, c.id());
        server.core().admins().setDisabled(adminId, true);
        Browser.Page ended = admin.get("/clientarea/services");
        assertThat(ended.location()).hasValue("/login?next=%2Fclientarea%2Fservices");
        assertThat(admin.open(ended.location().get()).doc().select(".notice.error").text())
                .isEqualTo("The admin's login as this client has ended: the admin was disabled.");

        server.core().admins().saveRole("Orders Only", Set.of(Permissions.ORDERS));
        Browser sales = server.adminWithRole("roleimp", "Sales Operator");
        loginAs(sales, c.id());
        server.core().admins().changeRole(adminId("roleimp"), "Orders Only");
        assertThat(sales.get("/clientarea/services").location()).hasValue("/login?next=%2Fclientarea%2Fservices");
        assertThat(lines("Login as Client ended - Client ID: " + c.id(), c.id())).extracting(ActivityEntry::message,
                ActivityEntry::user).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Login as Client ended - Client ID: " + c.id()
                        + " - the admin's role may no longer manage clients", "roleimp"),
                org.assertj.core.groups.Tuple.tuple("Login as Client ended - Client ID: " + c.id()
                        + " - the admin was disabled", "disabledimp"));
    }

    @Test
    void workingAsTheClientKeepsTheAdminSessionAliveButItsAbsoluteTimeOutEndsBoth() {
        Client c = client("timeout@example.com");
        Browser admin = server.admin();
        // the admin works for 11 h 7 min (a click every 29 minutes keeps the session from idling out)
        for (int i = 0; i < 23; i++) {
            server.clock().advance(Duration.ofMinutes(29));
            assertThat(admin.get("/admin/").status()).isEqualTo(200);
        }
        loginAs(admin, c.id());
        server.clock().advance(Duration.ofMinutes(20));
        assertThat(admin.get("/clientarea/services").status()).isEqualTo(200);
        server.clock().advance(Duration.ofMinutes(20));
        // 40 minutes after the admin's last admin page: kept alive by the work as the client
        assertThat(admin.get("/admin/").status()).isEqualTo(200);
        assertThat(admin.get("/clientarea/services").status()).isEqualTo(200);
        server.clock().advance(Duration.ofMinutes(15));
        // 12 h 2 min after the admin's login; the client-area session itself is 55 minutes old, 15 idle
        assertThat(admin.get("/clientarea/services").location()).hasValue("/login?next=%2Fclientarea%2Fservices");
        assertThat(lines("Login as Client ended - Client ID: " + c.id(), c.id())).extracting(ActivityEntry::message)
                .containsExactly("Login as Client ended - Client ID: " + c.id() + " - the admin's session ended");
    }

    @Test
    void thePasswordCannotBeChangedAsTheClientButWhatTheAdminDoesIsCreditedToTheAdmin() {
        Client c = client("password@example.com");
        Browser admin = server.admin();
        loginAs(admin, c.id());
        Browser.Page details = admin.open("/clientarea/details");
        assertThat(details.doc().select("input[name=current]")).isEmpty();
        assertThat(details.doc().select("#no-password-change").text())
                .isEqualTo("The client's password cannot be changed while an admin is logged in as the client.");

        Browser.Page refused = admin.post("/clientarea/details", "do", "password", "current", "anything",
                "password", "admin-chose-1", "password2", "admin-chose-1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.doc().select("main p.notice").text())
                .isEqualTo("An admin logged in as the client cannot change the client's password.");
        assertThat(server.core().clients().authenticate(c.email(), "admin-chose-1")).isEmpty();

        admin.open("/clientarea/details");
        admin.submit("/clientarea/details", "do", "details", "firstname", "Ann", "lastname", "O'Neil",
                "email", c.email(), "address1", "2 Road", "city", "Berlin", "postcode", "10115", "country", "DE",
                "phonenumber", "+49 30 5555");
        assertThat(lines("Client Profile Modified - Client ID: " + c.id(), c.id())).extracting(ActivityEntry::user)
                .containsExactly("admin");
    }

    private static long adminId(String username) {
        return server.core().admins().list().stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow().id();
    }
}
