package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.billinghost.api.platform.BillingCycle;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicenseProductsPageTest {
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final AddonFixture fixture = new AddonFixture(catalog);
    private long groupId;

    @BeforeEach
    void configure() {
        fixture.licensing.set(new FakeLicensingApi());
        fixture.config.put(AddonSettings.LICENSING_TOKEN, "licensing-token-9");
        groupId = catalog.createGroup("Jetpack", false).id();
    }

    private String create(String margin, String... slugs) {
        String[] values = new String[6 + slugs.length * 2];
        values[0] = "action";
        values[1] = "create_license_products";
        values[2] = "margin";
        values[3] = margin;
        values[4] = "product_group_id";
        values[5] = Long.toString(groupId);
        for (int i = 0; i < slugs.length; i++) {
            values[6 + 2 * i] = "slug";
            values[7 + 2 * i] = slugs[i];
        }
        return fixture.post(values).html();
    }

    @Test
    void thePageShowsThePartnersCostPerMonth() {
        assertThat(fixture.get("action", "license_products").html()).contains("Jetpack Complete", "24.95 USD / month",
                "value=\"jetpack-backup-daily\"", "value=\"30\"");
    }

    @Test
    void tickedProductsAreCreatedAtCostPlusMarginPerCycleAndOnlyOnce() {
        assertThat(create("20", "jetpack-backup-daily", "jetpack-complete")).contains("Created 2 license products");

        List<Product> products = catalog.productsOfModule("jetpack_licensing");
        assertThat(products).extracting(Product::name).containsExactly("Jetpack Backup (Daily)", "Jetpack Complete");
        Product complete = products.get(1);
        assertThat(complete.configOptions().subList(0, 4)).containsExactly("licensing-token-9", "jetpack-complete", "on", "Keep the license");

        assertThat(create("20", "jetpack-complete")).contains("exist already");
        assertThat(catalog.productsOfModule("jetpack_licensing")).hasSize(2);
        assertThat(fixture.get("action", "license_products").html()).contains("exists");
    }

    @Test
    void thePricePerCycleIsTheMonthlyCostTimesTheMonthsPlusTheMargin() {
        NewProduct product = LicenseProductsPage.newProduct(groupId, new FakeLicensingApi().partnerCatalogue
                .product("jetpack-complete").orElseThrow(), "t", new BigDecimal("20"));

        assertThat(product.pricing()).extracting(p -> p.cycle(), p -> p.price().toPlainString()).containsExactly(
                tuple(BillingCycle.MONTHLY, "29.94"), tuple(BillingCycle.QUARTERLY, "89.82"),
                tuple(BillingCycle.SEMIANNUALLY, "179.64"), tuple(BillingCycle.ANNUALLY, "359.28"));
    }

    @Test
    void badInputCreatesNothing() {
        assertThat(create("-5", "jetpack-complete")).contains("The margin must be a number");
        assertThat(create("20")).contains("Tick the Jetpack products");
        assertThat(create("20", "jetpack-complete", "<b>nope</b>")).contains("&lt;b&gt;nope&lt;/b&gt;&#39; is not a product");
        assertThat(catalog.productsOfModule("jetpack_licensing")).isEmpty();
    }
}
