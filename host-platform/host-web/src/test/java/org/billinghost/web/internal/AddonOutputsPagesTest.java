package org.billinghost.web.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An addon's sidebar beside its admin page and its output on the client area's main page. */
class AddonOutputsPagesTest {
    private static WebServer server;
    private static final FakeAddon ADDON = new FakeAddon();
    private static final FakeAddon BROKEN = new FakeAddon();
    private static final FakeAddon IDLE = new FakeAddon();

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        BROKEN.outputFailure = new IllegalStateException("addon bug");
        server.core().addAddon("sideaddon", ADDON).addAddon("brokenaddon", BROKEN).addAddon("idleaddon", IDLE);
        server.core().modules().activate("sideaddon");
        server.core().modules().activate("brokenaddon");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theSidebarIsShownBesideTheAddonPageOnlyToRolesInItsAccessList() {
        Browser admin = server.admin();
        Browser.Page page = admin.open("/admin/addonmodules?module=sideaddon");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select(".addon-layout aside.addon-sidebar #fake-sidebar").text()).isEqualTo("Hello admin");
        assertThat(page.doc().select(".addon-output #fake-output")).hasSize(1);

        server.core().modules().saveConfiguration("sideaddon", Map.of(), List.of("Full Administrator", "Support Operator"),
                null);
        Browser support = server.adminWithRole("sidesupport", "Support Operator");
        assertThat(support.open("/admin/addonmodules?module=sideaddon").doc().select("#fake-sidebar").text())
                .isEqualTo("Hello sidesupport");
        Browser sales = server.adminWithRole("sidesales", "Sales Operator");
        Browser.Page refused = sales.get("/admin/addonmodules?module=sideaddon");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("fake-sidebar");
    }

    @Test
    void aThrowingSidebarLeavesTheAddonPageWorking() {
        Browser.Page page = server.admin().open("/admin/addonmodules?module=brokenaddon");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("#fake-output")).hasSize(1);
        assertThat(page.doc().select("aside.addon-sidebar")).isEmpty();
        assertThat(page.text()).doesNotContain("addon bug");
    }

    @Test
    void activeAddonsShowTheirClientAreaOutputOnTheServicesPageAndAFailingOneIsLeftOut() {
        long clientId = server.newClient("addonview@example.com").id();
        Browser.Page page = server.clientBrowser("addonview@example.com").open("/clientarea");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("#addon-sideaddon p.fake-client").text()).isEqualTo("Offer for client " + clientId);
        assertThat(page.doc().select("#addon-brokenaddon")).as("throws").isEmpty();
        assertThat(page.doc().select("#addon-idleaddon")).as("not active").isEmpty();
        assertThat(page.text()).contains("You have no services yet").doesNotContain("addon bug");
    }
}
