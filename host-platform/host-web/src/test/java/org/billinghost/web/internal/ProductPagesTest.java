package org.billinghost.web.internal;

import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/configproducts}: groups, products with Module Settings, custom fields, bundles. */
class ProductPagesTest {
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(false);
        server.core().addServerModule("fakeserver", new FakeServerModule());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void createAProductWithModuleSettingsWithoutJavaScript() {
        Browser admin = server.admin();
        admin.open("/admin/configproducts");
        admin.submit("/admin/configproducts", "do", "creategroup", "name", "Hosting");
        ProductGroup group = server.core().catalog().groups().stream().filter(g -> g.name().equals("Hosting"))
                .findFirst().orElseThrow();

        Document form = admin.open("/admin/configproducts?action=product&gid=" + group.id()).doc();
        assertThat(form.select("input[type=radio][name=autosetup]").eachAttr("value"))
                .containsExactly("order", "payment", "on", "");
        assertThat(form.select("select[name=module] option").eachAttr("value")).contains("", "fakeserver");

        int before = server.core().catalog().products().size();
        // choosing a module shows its options and saves nothing
        Browser.Page chosen = admin.submit("/admin/configproducts", "do", "saveproduct", "id", "0",
                "gid", Long.toString(group.id()), "name", "Gold", "type", "OTHER", "paytype", "ONETIME",
                "onetime", "9.95", "module", "fakeserver", "shownmodule", "", "autosetup", "order");
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.doc().select("input[name=configoption1]")).hasSize(1);
        assertThat(chosen.doc().select("input[type=password][name=configoption2]")).hasSize(1);
        assertThat(chosen.doc().select("select[name=configoption3] option").eachText()).containsExactly("s", "m", "l");
        assertThat(chosen.doc().select("input[name=name]").attr("value")).isEqualTo("Gold");
        assertThat(server.core().catalog().products()).hasSize(before);

        Browser.Page saved = admin.submit("/admin/configproducts", "do", "saveproduct", "id", "0",
                "gid", Long.toString(group.id()), "name", "Gold", "type", "OTHER", "paytype", "ONETIME",
                "onetime", "9.95", "module", "fakeserver", "shownmodule", "fakeserver", "configoption1", "gold-plan",
                "configoption2", "remote-secret-1", "configoption3", "m", "autosetup", "order");
        assertThat(saved.text()).contains("Saved product Gold.");
        assertThat(saved.body()).doesNotContain("remote-secret-1");
        Product gold = server.core().catalog().productsInGroup(group.id()).get(0);
        assertThat(gold.module()).isEqualTo("fakeserver");
        assertThat(gold.configOptions().subList(0, 3)).containsExactly("gold-plan", "remote-secret-1", "m");
        assertThat(gold.autoSetup()).isEqualTo(AutoSetup.ORDER);
        assertThat(gold.price()).isEqualByComparingTo("9.95");
        assertThat(saved.doc().select("input[name=autosetup][value=order]").hasAttr("checked")).isTrue();

        // an empty password option keeps the stored secret
        admin.submit("/admin/configproducts", "do", "saveproduct", "id", Long.toString(gold.id()),
                "gid", Long.toString(group.id()), "name", "Gold", "type", "OTHER", "paytype", "ONETIME",
                "onetime", "12.00", "module", "fakeserver", "shownmodule", "fakeserver", "configoption1", "gold-plan",
                "configoption2", "", "configoption3", "l", "autosetup", "payment");
        Product edited = server.core().catalog().product(gold.id()).orElseThrow();
        assertThat(edited.configOptions().get(1)).isEqualTo("remote-secret-1");
        assertThat(edited.configOptions().get(2)).isEqualTo("l");
        assertThat(edited.autoSetup()).isEqualTo(AutoSetup.PAYMENT);
    }

    @Test
    void badProductInputShowsAMessageKeepsTheFormAndCreatesNothing() {
        Browser admin = server.admin();
        admin.open("/admin/configproducts");
        admin.submit("/admin/configproducts", "do", "creategroup", "name", "Bad input");
        long gid = server.core().catalog().groups().stream().filter(g -> g.name().equals("Bad input"))
                .findFirst().orElseThrow().id();
        int before = server.core().catalog().products().size();
        Browser.Page price = admin.post("/admin/configproducts", "do", "saveproduct", "id", "0", "gid",
                Long.toString(gid), "name", "Typed name", "type", "OTHER", "paytype", "ONETIME", "onetime", "ten",
                "module", "", "shownmodule", "", "autosetup", "");
        assertThat(price.status()).isEqualTo(400);
        assertThat(price.text()).contains("The One Time price must be an amount such as 9.95.");
        assertThat(price.doc().select("input[name=name]").attr("value")).isEqualTo("Typed name");
        Browser.Page name = admin.post("/admin/configproducts", "do", "saveproduct", "id", "0", "gid",
                Long.toString(gid), "name", " ", "type", "OTHER", "paytype", "FREE", "onetime", "",
                "module", "", "shownmodule", "", "autosetup", "");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.text()).contains("Product name is required.");
        assertThat(server.core().catalog().products()).hasSize(before);
        assertThat(admin.get("/admin/configproducts?action=product&gid=999999").status()).isEqualTo(404);
    }

    @Test
    void customFieldsAreAddedEditedAndRemovedWithAllAttributes() {
        Browser admin = server.admin();
        admin.open("/admin/configproducts");
        admin.submit("/admin/configproducts", "do", "creategroup", "name", "Fields");
        long gid = server.core().catalog().groups().stream().filter(g -> g.name().equals("Fields"))
                .findFirst().orElseThrow().id();
        admin.submit("/admin/configproducts", "do", "saveproduct", "id", "0", "gid", Long.toString(gid),
                "name", "With fields", "type", "OTHER", "paytype", "FREE", "onetime", "", "module", "",
                "shownmodule", "", "autosetup", "");
        Product p = server.core().catalog().productsInGroup(gid).get(0);
        String id = Long.toString(p.id());

        Browser.Page added = admin.submit("/admin/configproducts", "do", "addfield", "id", id,
                "fieldname", "Site URL", "fieldtype", "TEXT", "fielddescription", "Your site",
                "regex", "https?://.+", "options", "", "required", "on", "showorder", "on", "showinvoice", "on");
        assertThat(added.text()).contains("Added custom field Site URL.");
        CustomField f = server.core().catalog().product(p.id()).orElseThrow().customFields().get(0);
        assertThat(f.validationRegex()).isEqualTo("https?://.+");
        assertThat(f.required()).isTrue();
        assertThat(f.showOnOrderForm()).isTrue();
        assertThat(f.showOnInvoice()).isTrue();
        assertThat(f.adminOnly()).isFalse();
        // the editor in sections: links to each, every existing field folded, the new field's form open
        assertThat(added.doc().select("nav.sections a").eachAttr("href")).containsExactly("#details", "#pricing",
                "#module-settings", "#custom-fields");
        assertThat(added.doc().select("details.custom-field:not([open]) summary").eachText())
                .containsExactly("Site URL (text, required)");

        admin.submit("/admin/configproducts", "do", "savefield", "id", id, "fieldid", Long.toString(f.id()),
                "fieldname", "Plan", "fieldtype", "DROPDOWN", "fielddescription", "", "regex", "",
                "options", "basic, pro", "adminonly", "on");
        CustomField edited = server.core().catalog().product(p.id()).orElseThrow().customFields().get(0);
        assertThat(edited.name()).isEqualTo("Plan");
        assertThat(edited.type()).isEqualTo(CustomFieldType.DROPDOWN);
        assertThat(edited.options()).containsExactly("basic", "pro");
        assertThat(edited.adminOnly()).isTrue();
        assertThat(edited.required()).isFalse();

        Browser.Page badRegex = admin.submit("/admin/configproducts", "do", "addfield", "id", id,
                "fieldname", "Broken", "fieldtype", "TEXT", "regex", "([a-z", "options", "");
        assertThat(badRegex.doc().select(".notice.error").text()).contains("not a valid regular expression");
        assertThat(server.core().catalog().product(p.id()).orElseThrow().customFields()).hasSize(1);

        Browser.Page removed = admin.submit("/admin/configproducts", "do", "removefield", "id", id,
                "fieldid", Long.toString(f.id()));
        assertThat(removed.text()).contains("Removed the custom field");
        assertThat(server.core().catalog().product(p.id()).orElseThrow().customFields()).isEmpty();
    }

    @Test
    void groupsAndBundles() {
        Browser admin = server.admin();
        admin.open("/admin/configproducts");
        admin.submit("/admin/configproducts", "do", "creategroup", "name", "Old name");
        ProductGroup g = server.core().catalog().groups().stream().filter(x -> x.name().equals("Old name"))
                .findFirst().orElseThrow();
        admin.open("/admin/configproducts?action=group&id=" + g.id());
        admin.submit("/admin/configproducts", "do", "savegroup", "id", Long.toString(g.id()), "name", "New name",
                "hidden", "on");
        assertThat(server.core().catalog().group(g.id()).orElseThrow()).satisfies(x -> {
            assertThat(x.name()).isEqualTo("New name");
            assertThat(x.hidden()).isTrue();
        });
        admin.submit("/admin/configproducts", "do", "saveproduct", "id", "0", "gid", Long.toString(g.id()),
                "name", "Bundled", "type", "OTHER", "paytype", "FREE", "onetime", "", "module", "",
                "shownmodule", "", "autosetup", "");
        long pid = server.core().catalog().productsInGroup(g.id()).get(0).id();
        Browser.Page bundle = admin.submit("/admin/configproducts", "do", "createbundle", "name", "Starter pack",
                "description", "All you need", "bundlepid", Long.toString(pid));
        assertThat(bundle.text()).contains("Created bundle Starter pack.", "Bundled");
        assertThat(server.core().catalog().bundles()).anyMatch(b -> b.name().equals("Starter pack")
                && b.productIds().contains(pid));
        Browser.Page emptyGroup = admin.submit("/admin/configproducts", "do", "creategroup", "name", "");
        assertThat(emptyGroup.doc().select(".notice.error").text()).isEqualTo("Group name is required.");
    }
}
