package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** AddonModuleConfigSave → the banner → the admin updates or keeps the Jetpack products' settings. */
class CredentialsChangeFlowTest {
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final AddonFixture fixture = new AddonFixture(catalog);
    private final CredentialsChangeListener listener = new CredentialsChangeListener(fixture.storage.notice());

    @BeforeEach
    void createProductsWithTheFirstCredentials() {
        ProductGroup group = catalog.createGroup("Jetpack", false);
        fixture.post("action", Actions.ADD_PRODUCT, "product_group_id", Long.toString(group.id()));
        fixture.activityLog.messages.clear();
    }

    private void saveNewSecret() {
        fixture.config.put(AddonSettings.CLIENT_SECRET, "rotated-secret");
        listener.handleEvent(new Event(HookTopics.ADDON_MODULE_CONFIG_SAVE, Map.of(HookTopics.MODULE, "jetpack",
                HookTopics.CHANGED_SETTINGS, List.of(AddonSettings.CLIENT_SECRET))));
    }

    @Test
    void aChangedSecretShowsTheBannerAndChangesNoProductByItself() {
        saveNewSecret();

        String html = fixture.get().html();

        assertThat(html).contains("jetpack-credentials-banner")
                .contains("These Jetpack products still use the previous ones: Jetpack - Free Plan, Jetpack - Personal Plan,")
                .contains("action=\"/admin/addonmodules?module=jetpack&amp;action=update_product_credentials\"")
                .contains("action=\"/admin/addonmodules?module=jetpack&amp;action=keep_product_credentials\"")
                .doesNotContain("rotated-secret").doesNotContain(AddonFixture.SECRET);
        assertThat(catalog.productsOfModule("jetpack")).allMatch(p -> p.configOptions().get(1).equals(AddonFixture.SECRET));
        assertThat(fixture.get("action", Actions.MANAGE_PRODUCT).html()).contains("jetpack-credentials-banner");
    }

    @Test
    void updatingCopiesTheCredentialsIntoEveryJetpackProduct() {
        saveNewSecret();

        AddonPage page = fixture.post("action", Actions.UPDATE_PRODUCT_CREDENTIALS);

        assertThat(page.redirect()).isEqualTo(AddonFixture.LINK + "&notice=credentials_updated");
        assertThat(catalog.productsOfModule("jetpack")).extracting(p -> p.configOptions().subList(0, 2))
                .allMatch(options -> options.equals(List.of(AddonFixture.CLIENT_ID, "rotated-secret")));
        assertThat(fixture.activityLog.messages).singleElement().asString()
                .startsWith("JETPACK MODULE: partner credentials copied to the Jetpack products [")
                .doesNotContain("rotated-secret");
        assertThat(fixture.get("notice", "credentials_updated").html())
                .contains("now use the partner credentials").doesNotContain("jetpack-credentials-banner");
    }

    @Test
    void keepingLeavesTheProductsAndHidesTheBanner() {
        saveNewSecret();

        AddonPage page = fixture.post("action", Actions.KEEP_PRODUCT_CREDENTIALS);

        assertThat(page.redirect()).isEqualTo(AddonFixture.LINK + "&notice=credentials_kept");
        assertThat(catalog.productsOfModule("jetpack")).allMatch(p -> p.configOptions().get(1).equals(AddonFixture.SECRET));
        assertThat(fixture.get().html()).doesNotContain("jetpack-credentials-banner");
    }

    @Test
    void updatingNeedsAPost() {
        saveNewSecret();

        assertThat(fixture.get("action", Actions.UPDATE_PRODUCT_CREDENTIALS).html()).contains("needs the button");
        assertThat(catalog.productsOfModule("jetpack")).allMatch(p -> p.configOptions().get(1).equals(AddonFixture.SECRET));
    }

    @Test
    void otherModulesAndOtherSettingsRaiseNoBanner() {
        fixture.config.put(AddonSettings.CLIENT_SECRET, "rotated-secret");
        listener.handleEvent(new Event(HookTopics.ADDON_MODULE_CONFIG_SAVE, Map.of(HookTopics.MODULE, "other",
                HookTopics.CHANGED_SETTINGS, List.of(AddonSettings.CLIENT_SECRET))));
        listener.handleEvent(new Event(HookTopics.ADDON_MODULE_CONFIG_SAVE, Map.of(HookTopics.MODULE, "jetpack",
                HookTopics.CHANGED_SETTINGS, new String[] {"access_roles"})));

        assertThat(fixture.get().html()).doesNotContain("jetpack-credentials-banner");
    }

    @Test
    void noBannerWhenTheProductsAlreadyUseTheSavedCredentials() {
        listener.handleEvent(new Event(HookTopics.ADDON_MODULE_CONFIG_SAVE, Map.of(HookTopics.MODULE, "jetpack",
                HookTopics.CHANGED_SETTINGS, List.of(AddonSettings.CLIENT_ID))));

        assertThat(fixture.get().html()).doesNotContain("jetpack-credentials-banner");
        assertThat(fixture.storage.notice().isPending()).isFalse();
    }

    @Test
    void incompleteNewCredentialsAreNeverCopied() {
        saveNewSecret();
        fixture.config.remove(AddonSettings.CLIENT_SECRET);

        assertThat(fixture.get().html()).contains("keep their module settings until both");
        fixture.post("action", Actions.UPDATE_PRODUCT_CREDENTIALS);

        List<Product> products = catalog.productsOfModule("jetpack");
        assertThat(products).allMatch(p -> p.configOptions().get(1).equals(AddonFixture.SECRET));
    }
}
