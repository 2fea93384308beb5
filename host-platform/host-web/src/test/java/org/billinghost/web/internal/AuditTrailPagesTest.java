package org.billinghost.web.internal;

import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityFilter;
import org.billinghost.api.platform.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, the audit trail: who did what from where, in the activity log page. */
class AuditTrailPagesTest {
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static List<String> lines(String text, Actor.Kind kind) {
        return server.core().activityLog().search(new ActivityFilter(text, 0, null, null, kind, null), 0, 50).items()
                .stream().map(e -> e.message() + " | " + e.user() + " | " + e.actor().ip()).toList();
    }

    @Test
    void adminLoginsFailedOrNotAndTheAdminsActionsNameTheAdminAndTheAddress() {
        Browser wrong = server.browser();
        wrong.open("/admin/login");
        wrong.submit("/admin/login", "username", "admin", "password", "not-the-password");
        Browser admin = server.admin();
        admin.open("/admin/systemmodulelog");
        admin.submit("/admin/systemmodulelog", "logging", "on");

        assertThat(lines("Failed Admin Login Attempt - Username: admin", Actor.Kind.VISITOR))
                .contains("Failed Admin Login Attempt - Username: admin | Visitor | 127.0.0.1");
        assertThat(lines("Admin Login - Username: admin", Actor.Kind.ADMIN))
                .contains("Admin Login - Username: admin | admin | 127.0.0.1");
        assertThat(lines("Module Logging Enabled", null)).containsExactly("Module Logging Enabled | admin | 127.0.0.1");
    }

    @Test
    void aRegistrationAndTheClientsLoginAreCreditedToTheClient() {
        Browser visitor = server.browser();
        visitor.open("/register");
        visitor.submit("/register", "firstname", "Reg", "lastname", "Istered", "email", "reg@example.com",
                "address1", "1 Road", "city", "Berlin", "state", "BE", "postcode", "10115", "country", "DE",
                "phonenumber", "+49 30 1234567", "password", "password-1", "password2", "password-1");
        long id = server.core().clients().byEmail("reg@example.com").orElseThrow().id();

        assertThat(lines("Client Registered - Client ID: " + id, Actor.Kind.CLIENT))
                .containsExactly("Client Registered - Client ID: " + id + " - reg@example.com | Reg Istered | 127.0.0.1");
    }

    @Test
    void theLogPageLinksWhatALineNamesAndShowsNamesActorsAndAddresses() {
        long clientId = server.newClient("linked@example.com").id();
        server.core().activityLog().log("Linked line - Service ID: 77 - Invoice ID: 5", clientId,
                Actor.admin(1, "admin", "203.0.113.5"));

        Browser.Page page = server.admin().open("/admin/systemactivitylog?search=Linked+line");

        assertThat(page.doc().select("table.activity td a").eachAttr("href")).containsExactly(
                "/admin/clientsservices?id=77", "/admin/invoices?id=5", "/admin/clientssummary?id=" + clientId);
        assertThat(page.doc().select("table.activity tr").get(1).select("td").eachText().subList(2, 5))
                .containsExactly("Cora Client", "admin", "203.0.113.5");
    }

    @Test
    void theFiltersKeepTheActorKindAndTheDateRange() {
        server.core().activityLog().log("Filtered line by api", 0, Actor.api(3, "integration", "198.51.100.2"));
        server.core().activityLog().log("Filtered line by system", 0);
        Browser admin = server.admin();

        assertThat(admin.open("/admin/systemactivitylog?search=Filtered+line&kind=api").doc()
                .select("table.activity td:nth-child(2)").eachText()).containsExactly("Filtered line by api");
        assertThat(admin.open("/admin/systemactivitylog?search=Filtered+line&actor=INTEGRATION").doc()
                .select("table.activity td:nth-child(2)").eachText()).containsExactly("Filtered line by api");
        assertThat(admin.open("/admin/systemactivitylog?search=Filtered+line&from=2001-01-01&to=2001-01-31").text())
                .contains("No entries");
        ActivityEntry newest = server.core().activityLog().search("Filtered line", 0, 0, 1).items().get(0);
        String today = newest.time().toString().substring(0, 10);
        assertThat(admin.open("/admin/systemactivitylog?search=Filtered+line&from=" + today + "&to=" + today).doc()
                .select("table.activity tr")).hasSize(3);
    }

    @Test
    void badFilterInputGetsAClearAnswerNeverAFailure() {
        Browser admin = server.admin();
        Browser.Page badDate = admin.open("/admin/systemactivitylog?from=2027-02-30");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text()).contains("From must be a date like 2027-01-31.");
        assertThat(admin.open("/admin/systemactivitylog?kind=root").status()).isEqualTo(400);
        Browser.Page meta = admin.open("/admin/systemactivitylog?search=%27%25%3Cscript%3E&actor=%22%3B+DROP");
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.body()).doesNotContain("<script>");
        assertThat(admin.open("/admin/systemactivitylog?page=999999").status()).isEqualTo(200);
    }
}
