package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.NewClient;
import org.billinghost.api.billing.OrderLine;
import org.billinghost.api.billing.OrderRequest;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.NewProduct;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Upgrading from 1.0.0 turns the Site URL fields of its products into links checked by the host's parser. */
class SiteUrlFieldUpgradeTest {
    private final CoreAssembly core = CoreAssembly.h2();
    private final JetpackAddon addon = new JetpackAddon(core.catalog(), core.moduleDatabase(), core.activityLog(),
            TestTemplates.addon());

    @AfterEach
    void close() {
        core.close();
    }

    private Product product(long groupId, String name, String module, String siteUrlRegex) {
        return core.catalog().addProduct(new NewProduct(groupId, name, "", ProductType.OTHER, true, PayType.FREE,
                BigDecimal.ZERO, module, List.of(), AutoSetup.MANUAL, List.of(
                        NewCustomField.text("Site URL", "The address of your WordPress site", true, true)
                                .withValidation(siteUrlRegex),
                        NewCustomField.text("Local User", "Your user name", true, true))));
    }

    private CustomField siteUrl(Product product) {
        return core.catalog().product(product.id()).orElseThrow().customFields().get(0);
    }

    @Test
    void theSiteUrlFieldsOfVersion100BecomeLinksAndOtherFieldsStay() {
        long group = core.catalog().createGroup("Jetpack", false).id();
        Product legacy = product(group, "Jetpack - Free Plan", "jetpack", SiteUrlFieldUpgrade.LEGACY_REGEX);
        Product adminsOwn = product(group, "Jetpack - Personal Plan", "jetpack", "https://.+");
        Product otherModule = product(group, "Hosting", "cpanel", SiteUrlFieldUpgrade.LEGACY_REGEX);

        assertThat(addon.upgrade("1.0.0").isError()).isFalse();

        CustomField converted = siteUrl(legacy);
        assertThat(converted.type()).isEqualTo(CustomFieldType.LINK);
        assertThat(converted.validationRegex()).isEmpty();
        assertThat(List.of(converted.required(), converted.showOnOrderForm(), converted.adminOnly()))
                .containsExactly(true, true, false);
        assertThat(converted.description()).isEqualTo("The address of your WordPress site");
        assertThat(siteUrl(adminsOwn).validationRegex()).isEqualTo("https://.+");
        assertThat(siteUrl(otherModule).type()).isEqualTo(CustomFieldType.TEXT);
        assertThat(siteUrl(otherModule).validationRegex()).isEqualTo(SiteUrlFieldUpgrade.LEGACY_REGEX);
        assertThat(SiteUrlFieldUpgrade.run(core.catalog())).as("a second run").isZero();

        long clientId = core.clients().add(new NewClient("Ann", "Lee", "ann@example.org", "", "1 Road", "Town", "",
                "1000", "US", "", "a-long-password-1")).id();
        assertThatThrownBy(() -> core.orders().place(new OrderRequest(clientId, List.of(new OrderLine(legacy.id(), "",
                Map.of("Site URL", "a.".repeat(20_000) + "com", "Local User", "ann"))), "", false)))
                .isInstanceOf(BillingException.class)
                .hasMessage("The value of the custom field 'Site URL' is longer than 2000 characters");
        assertThat(core.orders().place(new OrderRequest(clientId, List.of(new OrderLine(legacy.id(), "",
                Map.of("Site URL", "https://ann.example.org/blog", "Local User", "ann"))), "", false)).serviceIds())
                .hasSize(1);
    }
}
