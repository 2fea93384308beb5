package org.billinghost.web.internal;

import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Setup > Addon Modules and the addon's own page inside the admin layout. */
class AddonPagesTest {
    private static WebServer server;
    private static final FakeAddon ADDON = new FakeAddon();
    private static final FakeAddon FAILING = new FakeAddon();

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        FAILING.activateAnswer = AddonResult.error("The <table> could not be created");
        server.core().addAddon("fakeaddon", ADDON).addAddon("failaddon", FAILING);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void activateConfigureAndOpenTheAddon() {
        Browser admin = server.admin();
        Browser.Page list = admin.open("/admin/configaddonmods");
        assertThat(list.doc().select("#addon-fakeaddon").text()).contains("Fake Addon", "An addon for <tests>",
                "1.0", "Test Team");

        Browser.Page activated = admin.submit("/admin/configaddonmods", "module", "fakeaddon", "action", "activate");
        assertThat(activated.text()).contains("Activated Fake Addon. Ready");
        assertThat(activated.doc().select("#addon-fakeaddon").text()).contains("Active");

        Document form = admin.open("/admin/configaddonmods?action=configure&module=fakeaddon").doc();
        assertThat(form.select("input[type=text][name=f_apikey]")).hasSize(1);
        assertThat(form.select("input[type=password][name=f_secret]")).hasSize(1);
        assertThat(form.select("input[type=checkbox][name=f_debug]")).hasSize(1);
        assertThat(form.select("textarea[name=f_notes]")).hasSize(1);
        assertThat(form.select("select[name=f_colour] option").eachText()).containsExactly("red", "green");
        assertThat(form.select("input[type=radio][name=f_size]").eachAttr("value")).containsExactly("small", "large");
        assertThat(form.select("input[name=roles]").eachAttr("value")).contains("Full Administrator", "Sales Operator");

        Browser.Page saved = admin.submit("/admin/configaddonmods", "module", "fakeaddon", "action", "save",
                "f_apikey", "key-1", "f_secret", "s3cret-value", "f_debug", "on", "f_notes", "two\nlines",
                "f_colour", "green", "f_size", "large", "roles", "Full Administrator");
        assertThat(saved.text()).contains("Saved the configuration of Fake Addon.");
        assertThat(saved.body()).doesNotContain("s3cret-value");
        assertThat(saved.doc().select("input[name=f_apikey]").attr("value")).isEqualTo("key-1");
        assertThat(saved.doc().select("input[name=f_secret]").attr("value")).isEmpty();
        assertThat(saved.doc().select("input[name=f_debug]").hasAttr("checked")).isTrue();
        assertThat(saved.doc().select("input[name=f_size][value=large]").hasAttr("checked")).isTrue();

        // saving with the password left empty keeps the stored secret
        admin.submit("/admin/configaddonmods", "module", "fakeaddon", "action", "save", "f_apikey", "key-2",
                "f_secret", "", "f_colour", "red", "f_size", "small", "roles", "Full Administrator");
        ModuleInfo info = server.core().modules().addon("fakeaddon").orElseThrow();
        assertThat(info.settings()).containsEntry("apikey", "key-2").containsEntry("secret", ModuleInfo.MASK);

        Browser.Page page = admin.open("/admin/addonmodules?module=fakeaddon&say=%3Cb%3Ehi%3C/b%3E");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("#fake-output").text()).isEqualTo("said: <b>hi</b>");
        assertThat(page.doc().select("#fake-output b")).isEmpty();
        assertThat(page.doc().select("header nav a").eachText()).contains("Dashboard");
        AddonRequest request = last();
        assertThat(request.config()).containsEntry("secret", "s3cret-value");
        assertThat(request.csrfToken()).isEqualTo(admin.token());
    }

    @Test
    void anActivationErrorIsShownAndTheAddonStaysInactive() {
        Browser admin = server.admin();
        admin.open("/admin/configaddonmods");
        Browser.Page answer = admin.submit("/admin/configaddonmods", "module", "failaddon", "action", "activate");
        assertThat(answer.doc().select(".notice.error").text())
                .isEqualTo("Could not activate Fake Addon: The <table> could not be created");
        assertThat(answer.doc().select("#addon-failaddon").text()).contains("Inactive");
        assertThat(admin.get("/admin/addonmodules?module=failaddon").status()).isEqualTo(409);
    }

    @Test
    void theAddonGetsPostsOnlyWithAValidTokenAndItsRedirectIsFollowed() {
        Browser admin = server.admin();
        admin.open("/admin/configaddonmods");
        admin.submit("/admin/configaddonmods", "module", "fakeaddon", "action", "activate");
        admin.submit("/admin/configaddonmods", "module", "fakeaddon", "action", "save", "f_colour", "red",
                "f_size", "small", "roles", "Full Administrator");
        admin.open("/admin/addonmodules?module=fakeaddon");
        int before = ADDON.requests.size();
        assertThat(admin.postRaw("/admin/addonmodules?module=fakeaddon", "say", "x").status()).isEqualTo(403);
        assertThat(ADDON.requests).hasSize(before);

        Browser.Page posted = admin.post("/admin/addonmodules?module=fakeaddon", "say", "posted");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(last().method()).isEqualTo("POST");
        assertThat(last().parameters()).containsEntry("say", List.of("posted")).doesNotContainKey("token");

        Browser.Page redirect = admin.get("/admin/addonmodules?module=fakeaddon&action=go");
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.location()).contains("/admin/addonmodules?module=fakeaddon&done=1");
    }

    @Test
    void rolesOutsideTheAccessListAndUnknownAddonsAreRefused() {
        Browser admin = server.admin();
        admin.open("/admin/configaddonmods");
        admin.submit("/admin/configaddonmods", "module", "fakeaddon", "action", "activate");
        admin.submit("/admin/configaddonmods", "module", "fakeaddon", "action", "save", "f_colour", "red",
                "f_size", "small", "roles", "Full Administrator");
        Browser sales = server.adminWithRole("sam", "Sales Operator");
        Browser.Page refused = sales.get("/admin/addonmodules?module=fakeaddon");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("may not open the Fake Addon page");
        assertThat(sales.get("/admin/configaddonmods").status()).isEqualTo(403);
        assertThat(admin.get("/admin/addonmodules?module=nosuchaddon").status()).isEqualTo(404);
    }

    private static AddonRequest last() {
        return ADDON.requests.get(ADDON.requests.size() - 1);
    }
}
