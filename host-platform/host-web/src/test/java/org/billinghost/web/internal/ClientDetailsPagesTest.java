package org.billinghost.web.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: registration checks every field at once; the client and the admin edit the client's details. */
class ClientDetailsPagesTest {
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
    void registrationNamesEveryWrongFieldAtOnceAndKeepsWhatWasTyped() {
        Browser b = server.browser();
        b.open("/register");
        Browser.Page refused = b.post("/register", "firstname", "Gerd", "lastname", "", "email", "gerd@",
                "address1", "Weg 1", "city", "Bonn", "postcode", "<b>!", "country", "Germany", "phonenumber", "call me",
                "password", "short", "password2", "short");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.doc().select(".field.invalid").eachAttr("class")).hasSize(6);
        assertThat(refused.doc().select("#form-errors li").eachText()).containsExactly("Last name is required.",
                "This is not an e-mail address.", "A postcode has 2 to 12 letters, digits, spaces or dashes.",
                "A phone number has digits, spaces and + ( ) . / - only.", "Choose a country from the list.",
                "Choose a password of at least 8 characters.");
        assertThat(refused.doc().select("input[name=firstname]").attr("value")).isEqualTo("Gerd");
        assertThat(refused.doc().select("select[name=country] option[value=DE]").text()).isEqualTo("DE - Germany");
        assertThat(server.core().clients().byEmail("gerd@")).isEmpty();
    }

    @Test
    void afterRegistrationThePageSaysWhatHappensNext() {
        Browser b = server.browser();
        b.open("/register");
        b.post("/register", "firstname", "Nina", "lastname", "Next", "email", "nina@example.com", "address1", "Weg 1",
                "city", "Bonn", "postcode", "53111", "country", "DE", "phonenumber", "+49 228 1234",
                "password", "nina-pass-1", "password2", "nina-pass-1");
        assertThat(b.open("/clientarea/services").doc().select(".notice.ok").text())
                .startsWith("Welcome, Nina: your account is ready.");
    }

    @Test
    void theClientEditsTheirDetailsAndPassword() {
        server.newClient("self@example.com");
        Browser b = server.clientBrowser("self@example.com");
        b.open("/clientarea/details");
        Browser.Page saved = b.submit("/clientarea/details", "do", "details", "firstname", "Selma", "lastname", "Self",
                "email", "self@example.com", "address1", "2 Road", "city", "Berlin", "postcode", "10115",
                "country", "DE", "phonenumber", "+49 30 5555");
        assertThat(saved.doc().select(".notice.ok").text()).isEqualTo("Your details are saved.");
        assertThat(server.core().clients().byEmail("self@example.com").orElseThrow().firstName()).isEqualTo("Selma");

        Browser.Page wrong = b.post("/clientarea/details", "do", "password", "current", "nope", "password",
                "new-pass-123", "password2", "new-pass-123");
        assertThat(wrong.doc().select("#password-errors").text()).isEqualTo("The current password is not right.");
        b.submit("/clientarea/details", "do", "password", "current", WebServer.CLIENT_PASSWORD, "password",
                "new-pass-123", "password2", "new-pass-123");
        assertThat(server.core().clients().authenticate("self@example.com", "new-pass-123")).isPresent();
    }

    @Test
    void theAdminEditsAClientsDetailsAndATakenEmailIsRefusedBesideItsField() {
        long id = server.newClient("edited@example.com").id();
        server.newClient("taken@example.com");
        Browser admin = server.admin();
        admin.open("/admin/clientssummary?id=" + id + "&edit=1");
        Browser.Page taken = admin.post("/admin/clientssummary?id=" + id, "do", "details", "firstname", "Eddie",
                "lastname", "Edit", "email", "taken@example.com", "address1", "3 Lane", "city", "Hamburg",
                "postcode", "20095", "country", "DE", "phonenumber", "+49 40 1234");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.doc().select(".field.invalid input").attr("name")).isEqualTo("email");

        admin.submit("/admin/clientssummary?id=" + id, "do", "details", "firstname", "Eddie", "lastname", "Edit",
                "email", "edited@example.com", "address1", "3 Lane", "city", "Hamburg", "postcode", "20095",
                "country", "DE", "phonenumber", "+49 40 1234");
        assertThat(server.core().clients().get(id).orElseThrow().firstName()).isEqualTo("Eddie");
        assertThat(server.core().activityLog().search("Client Profile Modified - Client ID: " + id, 0, 0, 5).items())
                .extracting(e -> e.user()).containsExactly("admin");
    }

    @Test
    void anAdminAddsNotesOnAClientShownNewestFirstWithTheirAuthor() {
        long id = server.newClient("noted@example.com").id();
        Browser admin = server.admin();
        admin.open("/admin/clientssummary?id=" + id);
        admin.submit("/admin/clientssummary?id=" + id, "do", "note", "note", "Called about <b>billing</b>");
        Browser.Page page = admin.submit("/admin/clientssummary?id=" + id, "do", "note", "note", "Second call");

        assertThat(page.doc().select("#client-notes li").eachText()).hasSize(2).first().asString()
                .startsWith("admin, ").endsWith(": Second call");
        assertThat(page.body()).doesNotContain("<b>billing</b>");
        Browser.Page empty = admin.submit("/admin/clientssummary?id=" + id, "do", "note", "note", " ");
        assertThat(empty.doc().select(".notice.error").text()).isEqualTo("A note has 1 to 4000 characters.");
    }
}
