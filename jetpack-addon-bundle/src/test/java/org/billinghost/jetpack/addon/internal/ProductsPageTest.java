package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.junit.jupiter.api.Test;

/** The three states of Manage Jetpack Products and the Create action. */
class ProductsPageTest {
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final AddonFixture fixture = new AddonFixture(catalog);

    @Test
    void withoutAProductGroupItExplainsAndLinksToCreatingOne() {
        String html = fixture.get("action", Actions.MANAGE_PRODUCT).html();

        assertThat(html).contains("there is none yet")
                .contains("<a href=\"/admin/configproducts#groupname\">Create a product group</a>")
                .doesNotContain("name=\"product_group_id\"");
    }

    @Test
    void aRecordOfAPlanThisVersionDoesNotKnowDoesNotBreakThePage() {
        ProductGroup group = catalog.createGroup("Jetpack", false);
        fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id()));
        long free = catalog.productsOfModule("jetpack").get(0).id();
        fixture.database.update("UPDATE " + ProductRecords.TABLE + " SET plan = 'jetpack-scan' WHERE product_id = ?", free);

        String html = fixture.get("action", Actions.MANAGE_PRODUCT).html();

        assertThat(html).contains("<td>Free</td><td>Jetpack</td><td>0</td><td>not by this addon</td>");
    }

    @Test
    void withGroupsButNoProductsItOffersAGroupPickerAndCreate() {
        ProductGroup hosting = catalog.createGroup("Hosting & <Sites>", false);
        ProductGroup jetpack = catalog.createGroup("Jetpack", false);

        String html = fixture.get("action", Actions.MANAGE_PRODUCT).html();

        assertThat(html).contains("There are no Jetpack products yet")
                .contains("<form method=\"post\" action=\"/admin/addonmodules?module=jetpack&amp;action=add_product\">")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + AddonFixture.TOKEN + "\">")
                .contains("<option value=\"" + hosting.id() + "\">Hosting &amp; &lt;Sites&gt;</option>")
                .contains("<option value=\"" + jetpack.id() + "\">Jetpack</option>")
                .contains("Create Jetpack Products");
    }

    @Test
    void createRedirectsToTheProductTableWithItsLinksAndActiveServiceCounts() {
        ProductGroup group = catalog.createGroup("Jetpack", false);

        AddonPage created = fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id()));

        assertThat(created.redirect()).isEqualTo(AddonFixture.LINK + "&action=manage_product&notice=products_created");
        List<Product> products = catalog.productsOfModule("jetpack");
        assertThat(products).hasSize(4);
        assertThat(fixture.activityLog.messages).singleElement().asString()
                .startsWith("JETPACK MODULE: created the products Jetpack - Free Plan, ")
                .endsWith(" in product group " + group.id() + " by admin admin");
        Product personal = products.get(1);
        catalog.setActiveServices(personal.id(), 3);

        String html = fixture.get("action", Actions.MANAGE_PRODUCT, "notice", "products_created").html();

        assertThat(html).contains("The Jetpack products were created, hidden.")
                .contains("<a href=\"/admin/configproducts?action=product&amp;id=" + personal.id() + "\">Jetpack - Personal Plan</a>")
                .contains("<td>Personal</td><td>Jetpack</td><td>3</td><td>2026-11-28 10:00 UTC</td>")
                .contains("No product bundle contains a Jetpack product yet.")
                .contains("<a href=\"/admin/configproducts#bundlename\">Create a product bundle</a>")
                .doesNotContain("name=\"product_group_id\"");
    }

    @Test
    void aBundleWithAJetpackProductIsNamedAndLinked() {
        ProductGroup group = catalog.createGroup("Jetpack", false);
        fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id()));
        catalog.createBundle("WordPress + Jetpack", "", List.of(catalog.productsOfModule("jetpack").get(2).id()));
        catalog.createBundle("Unrelated", "", List.of());

        String html = fixture.get("action", Actions.MANAGE_PRODUCT).html();

        assertThat(html).contains("Bundles with a Jetpack product: WordPress + Jetpack.")
                .contains("<a href=\"/admin/configproducts#bundlename\">Manage product bundles</a>")
                .doesNotContain("Unrelated");
    }

    @Test
    void productsMadeElsewhereAreListedAndTheMissingPlansCanBeCreated() {
        ProductGroup group = catalog.createGroup("Jetpack", false);
        catalog.addProduct(JetpackProducts.newProduct(group.id(), Plan.PREMIUM, new PartnerCredentials("1001", "s")));

        String html = fixture.get("action", Actions.MANAGE_PRODUCT).html();

        assertThat(html).contains("Jetpack - Premium Plan</a>").contains("<td>not by this addon</td>")
                .contains("Some plans have no product yet.").contains("Create the missing products");
    }

    @Test
    void aSecondPressSaysTheProductsExistAndCreatesNothing() {
        ProductGroup group = catalog.createGroup("Jetpack", false);
        fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id()));

        AddonPage second = fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id()));

        assertThat(second.redirect()).isNull();
        assertThat(second.html()).contains("alert-info").contains("The Jetpack products already exist (Jetpack - Free Plan,")
                .contains("nothing was created.");
        assertThat(catalog.products()).hasSize(4);
    }

    @Test
    void aProductGroupThatDoesNotExistIsAClearMessageAndCreatesNothing() {
        catalog.createGroup("Jetpack", false);

        String html = fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", "999").html();

        assertThat(html).contains("alert-danger").contains("JETPACK MODULE: product group 999 does not exist; nothing was created.");
        assertThat(catalog.products()).isEmpty();
        assertThat(fixture.activityLog.messages).isEmpty();
    }

    @Test
    void aGroupIdThatIsNotANumberIsAClearMessage() {
        catalog.createGroup("Jetpack", false);

        String html = fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", "1; DROP TABLE products").html();

        assertThat(html).contains("Choose the product group the Jetpack products go into; nothing was created.");
        assertThat(catalog.products()).isEmpty();
    }

    @Test
    void createNeedsAPostAndTheCredentials() {
        ProductGroup group = catalog.createGroup("Jetpack", false);

        assertThat(fixture.get("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id())).html())
                .contains("needs the button of the addon&#39;s page");
        fixture.config.clear();
        assertThat(fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id())).html())
                .contains("Nothing was created: the partner credentials are not configured");
        assertThat(catalog.products()).isEmpty();
    }

    @Test
    void anUnknownNoticeKeyShowsNothing() {
        assertThat(fixture.get("action", Actions.MANAGE_PRODUCT, "notice", "<script>").html())
                .doesNotContain("script").doesNotContain("alert-success");
    }
}
