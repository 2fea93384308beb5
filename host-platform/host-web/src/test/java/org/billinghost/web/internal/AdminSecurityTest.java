package org.billinghost.web.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Login, session cookie, roles, CSRF and error pages of the admin area. */
class AdminSecurityTest {
    private static final List<String> PAGES = List.of("/admin/", "/admin/clients", "/admin/clientssummary?id=1",
            "/admin/clientsservices?id=1", "/admin/configaddonmods", "/admin/addonmodules?module=x",
            "/admin/configproducts", "/admin/orders", "/admin/invoices?id=1", "/admin/systemactivitylog",
            "/admin/systemmodulelog", "/admin/modulequeue", "/admin/adminusers", "/admin/apicredentials");
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
    void everyAdminPageSendsAStrangerToTheLogin() {
        Browser b = server.browser();
        for (String page : PAGES) {
            Browser.Page answer = b.get(page);
            assertThat(answer.status()).as(page).isEqualTo(303);
            assertThat(answer.location()).as(page).contains("/admin/login");
        }
        assertThat(b.postRaw("/admin/configproducts", "do", "creategroup", "name", "X").status()).isEqualTo(403);
    }

    @Test
    void everyAdminPageOpensForAFullAdministrator() {
        Browser b = server.admin();
        for (String page : PAGES) {
            // nothing is stored here: pages naming an id answer 404, the module page 404 for an unknown addon
            assertThat(b.get(page).status()).as(page).isEqualTo(expectedForAFullAdministrator(page));
        }
        assertThat(b.get("/admin/").text()).contains("Dashboard", "clients", "pending orders");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndChangesAtLogin() {
        Browser b = server.browser();
        Browser.Page login = b.get("/admin/login");
        assertThat(login.setCookies()).singleElement().satisfies(c ->
                assertThat(c).startsWith("BHADMIN=").contains("HttpOnly", "SameSite=Lax", "Path=/admin"));
        String before = b.cookie("BHADMIN").orElseThrow();
        String tokenBefore = b.token();
        Browser.Page answer = b.post("/admin/login", "username", "admin", "password", WebServer.ADMIN_PASSWORD);
        assertThat(answer.status()).isEqualTo(303);
        assertThat(b.cookie("BHADMIN")).get().isNotEqualTo(before);
        assertThat(b.open("/admin/").status()).isEqualTo(200);
        assertThat(b.token()).isNotEqualTo(tokenBefore);
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        Browser b = server.browser();
        b.open("/admin/login");
        Browser.Page answer = b.post("/admin/login", "username", "admin", "password", "wrong");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text()).contains("Wrong login name or password", "paused for 60 seconds");
        assertThat(answer.doc().select("input[name=username]").attr("value")).isEqualTo("admin");
    }

    @Test
    void aLoginNameWithLineBreaksCannotWriteAForgedLogLine() {
        try (LogCapture log = new LogCapture(LoginGate.class)) {
            Browser admin = server.browser();
            admin.open("/admin/login");
            admin.post("/admin/login", "username", "nobody\r\n09:00:00.000 INFO  LoginGate - Login succeeded: name=admin",
                    "password", "wrong");
            Browser client = server.browser();
            client.open("/login");
            client.post("/login", "email", "x@example.com\nforged line", "password", "wrong");
            assertThat(log.lines()).containsExactly(
                    "Login failed: name=nobody\\r\\n09:00:00.000 INFO  LoginGate - Login succeeded: name=admin address=127.0.0.1",
                    "Login failed: name=x@example.com\\nforged line address=127.0.0.1");
        }
    }

    @Test
    void aRoleWithoutThePermissionGets403AndNoMenuLink() {
        Browser support = server.adminWithRole("sue", "Support Operator");
        Browser.Page products = support.get("/admin/configproducts");
        assertThat(products.status()).isEqualTo(403);
        assertThat(products.text()).contains("Your role (Support Operator) may not open this page.");
        assertThat(support.get("/admin/orders").status()).isEqualTo(403);
        assertThat(support.get("/admin/adminusers").status()).isEqualTo(403);
        assertThat(support.postRaw("/admin/configproducts", "do", "creategroup", "name", "Sneaky", "token",
                support.token()).status()).isEqualTo(403);
        Browser.Page clients = support.get("/admin/clients");
        assertThat(clients.status()).isEqualTo(200);
        assertThat(clients.doc().select("header nav a").eachText()).contains("Clients", "Module Queue")
                .doesNotContain("Products", "Orders", "Admin Users");
        assertThat(server.core().catalog().groups()).noneMatch(g -> g.name().equals("Sneaky"));
    }

    @Test
    void everyPageChecksTheRoleAsTheSeededRolesSay() {
        // page -> the seeded roles' permission (CORE-SCHEMA): Sales = clients, orders, invoices, services;
        // Support = clients, services, systemlogs, modulequeue; both also cancelrequests (V181)
        Map<String, String> pages = Map.ofEntries(
                Map.entry("/admin/clients", "clients"), Map.entry("/admin/clientssummary?id=1", "clients"),
                Map.entry("/admin/clientsservices?id=1", "services"), Map.entry("/admin/orders", "orders"),
                Map.entry("/admin/invoices", "invoices"), Map.entry("/admin/configproducts", "configproducts"),
                Map.entry("/admin/configaddonmods", "configaddonmods"), Map.entry("/admin/systemactivitylog", "systemlogs"),
                Map.entry("/admin/systemmodulelog", "systemlogs"), Map.entry("/admin/modulequeue", "modulequeue"),
                Map.entry("/admin/adminusers", "adminusers"), Map.entry("/admin/apicredentials", "apicredentials"),
                Map.entry("/admin/automation", "automation"), Map.entry("/admin/cancelrequests", "cancelrequests"));
        Map<String, Set<String>> roles = Map.of(
                "Sales Operator", Set.of("clients", "orders", "invoices", "services", "cancelrequests"),
                "Support Operator", Set.of("clients", "services", "systemlogs", "modulequeue", "cancelrequests"));
        roles.forEach((role, allowed) -> {
            Browser b = server.adminWithRole(role.toLowerCase().replace(' ', '-') + "-matrix", role);
            pages.forEach((page, permission) -> {
                int status = b.get(page).status();
                if (allowed.contains(permission)) {
                    assertThat(status).as(role + " " + page).isEqualTo(expectedForAFullAdministrator(page));
                } else {
                    assertThat(status).as(role + " " + page).isEqualTo(403);
                }
            });
            assertThat(b.get("/admin/").status()).as(role + " dashboard").isEqualTo(200);
        });
    }

    @Test
    void aPostWithoutOrWithAWrongTokenIsRefusedAndChangesNothing() {
        Browser b = server.admin();
        b.open("/admin/configproducts");
        Browser.Page missing = b.postRaw("/admin/configproducts", "do", "creategroup", "name", "No token");
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.text()).contains("This form has expired");
        Browser.Page wrong = b.postRaw("/admin/configproducts", "do", "creategroup", "name", "No token",
                "token", b.token() + "x");
        assertThat(wrong.status()).isEqualTo(403);
        Browser other = server.admin();
        assertThat(b.postRaw("/admin/configproducts", "do", "creategroup", "name", "No token",
                "token", other.token()).status()).isEqualTo(403);
        assertThat(server.core().catalog().groups()).noneMatch(g -> g.name().equals("No token"));

        b.open("/admin/configproducts");
        assertThat(b.submit("/admin/configproducts", "do", "creategroup", "name", "With token").text())
                .contains("Created product group With token.");
        assertThat(server.core().catalog().groups()).anyMatch(g -> g.name().equals("With token"));
    }

    @Test
    void logoutIsAPostAndEndsTheSession() {
        Browser b = server.admin();
        assertThat(b.get("/admin/logout").status()).isEqualTo(200);
        assertThat(b.get("/admin/").status()).isEqualTo(200);
        assertThat(b.postRaw("/admin/logout").status()).isEqualTo(403);
        Browser.Page out = b.post("/admin/logout");
        assertThat(out.status()).isEqualTo(303);
        assertThat(b.open("/admin/login").doc().select(".notice.ok").text()).isEqualTo("You have logged out.");
        assertThat(b.get("/admin/").location()).contains("/admin/login");
    }

    @Test
    void failingPagesShowAShortMessageAndNoStackTrace() {
        Browser b = server.admin();
        Browser.Page missing = b.get("/admin/clientsservices?id=424242");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("There is no service #424242.").doesNotContain("Exception", "at org.");
        Browser.Page unknown = b.get("/admin/nosuchpage");
        assertThat(unknown.status()).isEqualTo(404);
        Browser.Page badStatus = b.get("/admin/orders?status=Nonsense");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.text()).contains("Unknown order status").doesNotContain("Exception");
    }

    /** What a page answers someone allowed to see it, on a host with no clients, services or invoices. */
    private static int expectedForAFullAdministrator(String page) {
        return page.contains("?id=") || page.contains("?module=") ? 404 : 200;
    }
}
