package org.billinghost.web.internal;

import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.billing.QueueItem;
import org.billinghost.api.billing.ServiceStatus;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Activity log, module log, module queue, admin users and API credentials pages. */
class LogsQueueUsersPagesTest {
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
    void theActivityLogPagesAndSearches() {
        for (int i = 1; i <= 30; i++) {
            server.core().activityLog().log("Marker entry " + i, 0);
        }
        Browser admin = server.admin();
        Browser.Page first = admin.open("/admin/systemactivitylog?search=Marker");
        assertThat(first.doc().select("table tr")).hasSize(Pager.SIZE + 1);
        assertThat(first.text()).contains("Page 1 of 2", "Marker entry 30");
        String next = first.doc().select(".pager a").attr("href");
        assertThat(next).isEqualTo("/admin/systemactivitylog?search=Marker&actor=&kind=&from=&to=&page=2");
        Browser.Page second = admin.open(next);
        assertThat(second.doc().select("table tr")).hasSize(30 - Pager.SIZE + 1);
        assertThat(admin.open("/admin/systemactivitylog?search=entry+17").doc().select("table td").eachText())
                .contains("Marker entry 17").doesNotContain("Marker entry 16");
    }

    @Test
    void aSearchReadsTheLastSevenDaysUnlessAskedForOlderLines() {
        // H2 has no index for a "contains" search: the page bounds it, says so and links the full search
        String term = "50%_off 'x' <i>";
        server.core().jdbc().update("INSERT INTO activity_log (created, message, client_id, username) VALUES (?, ?, 0,"
                + " 'System')", Instant.now().minus(Duration.ofDays(8)), "Old " + term + " line");
        server.core().activityLog().log("New " + term + " line", 0);
        server.core().activityLog().log("New 50%Xoff 'x' <i> decoy", 0);
        Browser admin = server.admin();
        Browser.Page recent = admin.open("/admin/systemactivitylog?search=" + Pager.encode(term));
        assertThat(recent.doc().select("table.activity td:eq(1)").eachText()).containsExactly("New " + term + " line");
        assertThat(recent.doc().select("#search-bound").text())
                .isEqualTo("Only the lines of the last 7 days were searched. Search older lines");
        assertThat(recent.doc().select("input[name=search]").val()).isEqualTo(term);
        String older = recent.doc().select("#search-bound a").attr("href");
        assertThat(older).isEqualTo("/admin/systemactivitylog?search=" + Pager.encode(term)
                + "&actor=&kind=&from=&to=&searcholder=1");
        Browser.Page all = admin.open(older);
        assertThat(all.doc().select("table.activity td:eq(1)").eachText())
                .containsExactly("New " + term + " line", "Old " + term + " line");
        assertThat(all.doc().select("#search-bound")).isEmpty();
        // dates given by the admin are theirs: no bound added
        assertThat(admin.open("/admin/systemactivitylog?search=" + Pager.encode(term) + "&from="
                + LocalDate.now(ZoneOffset.UTC).minusDays(30)).doc().select("table.activity td:eq(1)").eachText())
                .containsExactly("New " + term + " line", "Old " + term + " line");
        assertThat(admin.get("/admin/systemactivitylog?search=x&searcholder=yes").status()).isEqualTo(400);
    }

    @Test
    void theModuleLogIsSwitchedOnAndShowsScrubbedEntries() {
        Browser admin = server.admin();
        admin.open("/admin/systemmodulelog");
        Browser.Page on = admin.submit("/admin/systemmodulelog", "logging", "on");
        assertThat(on.doc().select("#modulelog-state").text()).isEqualTo("on");
        assertThat(server.core().moduleLog().isEnabled()).isTrue();
        server.core().moduleLog().log("fakeserver", "CreateAccount", "secret=hunter22", "ok", "", List.of("hunter22"));
        Browser.Page entries = admin.open("/admin/systemmodulelog");
        assertThat(entries.text()).contains("CreateAccount").doesNotContain("hunter22");
        Browser.Page off = admin.submit("/admin/systemmodulelog", "logging", "off");
        assertThat(off.doc().select("#modulelog-state").text()).isEqualTo("off");
        assertThat(server.core().moduleLog().isEnabled()).isFalse();
    }

    @Test
    void aFailedProvisionIsRetriedOrResolvedFromTheModuleQueue() {
        FakeServerModule module = new FakeServerModule();
        module.createError = "Remote said <no>";
        server.core().addServerModule("queuemod", module);
        long gid = server.core().catalog().createGroup("Queue", false).id();
        long pid = server.core().catalog().addProduct(new NewProduct(gid, "Queued", "", ProductType.OTHER, false,
                PayType.FREE, BigDecimal.ZERO, "queuemod", List.of(), AutoSetup.ORDER, List.of())).id();
        long clientId = server.newClient("queue@example.com").id();
        long first = place(clientId, pid);
        long second = place(clientId, pid);
        server.core().runDueJobs();

        Browser admin = server.admin();
        Browser.Page queue = admin.open("/admin/modulequeue");
        assertThat(queue.text()).contains("Remote said <no>", "queuemod");
        Browser.Page dashboard = admin.open("/admin/");
        assertThat(dashboard.text()).contains("Remote said <no>");
        assertThat(dashboard.doc().select("#queue-total").text()).isEqualTo(
                Long.toString(server.core().moduleQueue().list(false, 0, 1).total()));
        QueueItem firstItem = item(first);
        QueueItem secondItem = item(second);

        module.createError = null;
        Browser.Page retried = admin.submit("/admin/modulequeue", "do", "retry", "id", Long.toString(firstItem.id()));
        assertThat(retried.doc().select(".notice").text()).isEqualTo("Queue item #" + firstItem.id() + " done.");
        assertThat(server.core().services().get(first).orElseThrow().status()).isEqualTo(ServiceStatus.ACTIVE);

        Browser.Page resolved = admin.submit("/admin/modulequeue", "do", "resolve", "id", Long.toString(secondItem.id()));
        assertThat(resolved.text()).contains("is marked resolved");
        assertThat(server.core().moduleQueue().list(false, 0, 100).items()).noneMatch(q -> q.serviceId() == second);
        assertThat(admin.postRaw("/admin/modulequeue", "do", "resolve", "id", "1").status()).isEqualTo(403);
    }

    @Test
    void adminsAreAddedWithARoleAndAShortPasswordIsRefused() {
        Browser admin = server.admin();
        Browser.Page page = admin.open("/admin/adminusers");
        assertThat(page.text()).contains("Full Administrator", "Sales Operator", "Support Operator", "configproducts");
        Browser.Page shortPassword = admin.submit("/admin/adminusers", "do", "create", "username", "shorty",
                "email", "shorty@example.com", "password", "short", "role", "Sales Operator");
        assertThat(shortPassword.doc().select(".notice.error").text()).contains("at least 10 characters");
        assertThat(server.core().admins().list()).noneMatch(a -> a.username().equals("shorty"));
        Browser.Page created = admin.submit("/admin/adminusers", "do", "create", "username", "newbie",
                "email", "newbie@example.com", "password", "long-enough-pw", "role", "Sales Operator");
        assertThat(created.text()).contains("Created admin newbie.");
        assertThat(server.adminAs("newbie", "long-enough-pw").open("/admin/orders").status()).isEqualTo(200);
    }

    @Test
    void anApiSecretIsShownOnceAndWorks() {
        Browser admin = server.admin();
        admin.open("/admin/apicredentials");
        Browser.Page created = admin.post("/admin/apicredentials", "do", "create", "description", "Billing sync",
                "actions", "GetClients, AddOrder");
        String identifier = created.doc().select("#api-identifier").text();
        String secret = created.doc().select("#api-secret").text();
        assertThat(secret).isNotBlank();
        assertThat(created.text()).contains("shown only this once");
        assertThat(server.core().apiCredentials().authenticate(identifier, secret)).isPresent();
        Browser.Page later = admin.open("/admin/apicredentials");
        assertThat(later.body()).contains(identifier).doesNotContain(secret);
        assertThat(later.text()).containsIgnoringCase("addorder").containsIgnoringCase("getclients");

        long id = server.core().apiCredentials().authenticate(identifier, secret).orElseThrow().id();
        Browser.Page asked = admin.post("/admin/apicredentials", "do", "delete", "id", String.valueOf(id));
        assertThat(asked.doc().select("#confirm-question").text()).startsWith("Delete this API credential?");
        assertThat(server.core().apiCredentials().authenticate(identifier, secret)).isPresent();
        admin.submit("/admin/apicredentials", "do", "delete", "id", String.valueOf(id), "confirm", "yes");
        assertThat(server.core().apiCredentials().authenticate(identifier, secret)).isEmpty();
    }

    private static long place(long clientId, long pid) {
        return server.core().orders().place(new OrderRequest(clientId, List.of(new OrderLine(pid, "", Map.of())),
                "", false)).serviceIds().get(0);
    }

    private static QueueItem item(long serviceId) {
        return server.core().moduleQueue().list(false, 0, 100).items().stream()
                .filter(q -> q.serviceId() == serviceId).findFirst().orElseThrow();
    }
}
