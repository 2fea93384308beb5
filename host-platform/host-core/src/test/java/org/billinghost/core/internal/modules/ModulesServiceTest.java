package org.billinghost.core.internal.modules;

import static org.assertj.core.api.Assertions.assertThat;
import org.billinghost.api.module.AddonRequest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ModuleInfo;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.ModuleTemplateException;
import org.billinghost.core.internal.commands.Refusal;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModulesServiceTest {
    private static final AdminIdentity FULL = new AdminIdentity(1, "admin", "Full Administrator");
    private static final AdminIdentity SALES = new AdminIdentity(2, "sam", "Sales Operator");

    private CoreAssembly core;
    private FakeAddon addon;

    @BeforeEach
    void setUp() {
        core = CoreAssembly.h2();
        addon = new FakeAddon("1.0");
        core.addAddon("fake", addon);
    }

    @AfterEach
    void tearDown() {
        core.close();
    }

    private ModuleInfo info() {
        return core.modules().addon("fake").orElseThrow();
    }

    @Test
    void activationStoresTheFlagOnlyWhenTheAddonDoesNotAnswerAnError() {
        addon.activateAnswer = AddonResult.error("Missing licence");
        assertThat(core.modules().activate("fake").isError()).isTrue();
        assertThat(info().active()).isFalse();

        addon.activateAnswer = AddonResult.info("Activated, configure it next");
        assertThat(core.modules().activate("fake").isError()).isFalse();
        assertThat(info().active()).isTrue();
        assertThat(info().installedVersion()).isEqualTo("1.0");
        assertThat(info().accessRoles()).containsExactly("Full Administrator");
        assertThat(info().settings()).containsEntry("region", "eu");

        assertThat(core.modules().deactivate("fake").isError()).isFalse();
        assertThat(info().active()).isFalse();
        assertThat(addon.deactivations).isEqualTo(1);
        assertThat(addon.upgrades).isEmpty();
    }

    @Test
    void firstActivationOpensThePageToFullAdministratorsAndSavedRolesAreNeverOverwritten() {
        core.modules().activate("fake");
        assertThat(core.modules().adminOutput("fake", request(Map.of(), FULL, "t")).html()).isEqualTo("<p>ok</p>");

        core.modules().saveConfiguration("fake", Map.of(), List.of(), FULL);
        core.modules().deactivate("fake");
        core.modules().activate("fake");
        assertThat(info().accessRoles()).as("an explicitly saved empty list stays empty").isEmpty();
        assertThat(Refusal.of(() -> core.modules().adminOutput("fake", request(Map.of(), FULL, "t"))))
                .isEqualTo(BillingException.Category.FORBIDDEN);
    }

    @Test
    void sidebarIsShownOnlyForAnActiveAvailableAddonToRolesInItsAccessList() {
        assertThat(core.modules().adminSidebar("fake", request(Map.of(), FULL, "t"))).as("inactive").isEmpty();

        core.modules().activate("fake");
        assertThat(core.modules().adminSidebar("fake", request(Map.of(), FULL, "t"))).contains("<p>side for admin region eu</p>");
        assertThat(core.modules().adminSidebar("fake", request(Map.of(), SALES, "t"))).as("role not listed").isEmpty();
        assertThat(core.modules().adminSidebar("fake", request(Map.of(), null, "t"))).isEmpty();

        core.modules().saveConfiguration("fake", Map.of(), List.of("Sales Operator"), FULL);
        assertThat(core.modules().adminSidebar("fake", request(Map.of(), SALES, "t"))).isPresent();

        core.removeAddon("fake");
        assertThat(core.modules().adminSidebar("fake", request(Map.of(), SALES, "t"))).as("bundle gone").isEmpty();
    }

    @Test
    void aThrowingAddonShowsNoSidebarAndNoClientAreaOutputButOthersStillDo() {
        FakeAddon other = new FakeAddon("1.0");
        core.addAddon("other", other);
        core.addAddon("idle", new FakeAddon("1.0"));
        core.modules().activate("fake");
        core.modules().activate("other");
        assertThat(core.modules().clientAreaOutputs(7))
                .as("only active addons, in name order").containsExactly(Map.entry("fake", "<p>client 7</p>"),
                        Map.entry("other", "<p>client 7</p>"));

        addon.failure = new IllegalStateException("boom");
        assertThat(core.modules().adminSidebar("fake", request(Map.of(), FULL, "t"))).isEmpty();
        assertThat(core.modules().clientAreaOutputs(7)).containsExactly(Map.entry("other", "<p>client 7</p>"));

        core.modules().deactivate("other");
        assertThat(core.modules().clientAreaOutputs(7)).isEmpty();
    }

    @Test
    void upgradeIsCalledOnceWithThePreviousVersionWhenANewBundleVersionAppears() {
        core.modules().activate("fake");
        FakeAddon newer = new FakeAddon("2.0");
        core.addAddon("fake", newer);

        assertThat(info().installedVersion()).isEqualTo("2.0");
        core.modules().addons();
        core.modules().adminOutput("fake", request(Map.of(), FULL, "csrf"));

        assertThat(newer.upgrades).containsExactly("1.0");
        assertThat(addon.upgrades).isEmpty();
    }

    @Test
    void upgradeOfAnInactiveAddonWaitsForItsActivation() {
        core.modules().activate("fake");
        core.modules().deactivate("fake");
        FakeAddon newer = new FakeAddon("3.0");
        core.addAddon("fake", newer);
        core.modules().addons();
        assertThat(newer.upgrades).isEmpty();

        core.modules().activate("fake");
        core.modules().activate("fake");
        assertThat(newer.upgrades).containsExactly("1.0");
        assertThat(info().installedVersion()).isEqualTo("3.0");
    }

    @Test
    void secretsAreMaskedAndKeptWhenSavedBackMaskedOrEmptyWhileTheAddonGetsThemInClear() {
        core.modules().activate("fake");
        List<String> changed = core.modules().saveConfiguration("fake",
                Map.of("apiKey", "top-secret", "enabled", "on", "region", "us"), null, FULL);
        assertThat(changed).containsExactlyInAnyOrder("apiKey", "enabled", "region");
        assertThat(info().settings()).containsEntry("apiKey", ModuleInfo.MASK).containsEntry("region", "us");

        assertThat(core.modules().saveConfiguration("fake", Map.of("apiKey", ModuleInfo.MASK, "region", "eu"), null, FULL))
                .containsExactly("region");
        assertThat(core.modules().saveConfiguration("fake", Map.of("apiKey", ""), null, FULL)).isEmpty();

        core.modules().adminOutput("fake", new AddonRequest("/admin/addonmodules?module=fake", "9.9",
                Map.of("apiKey", "forged"), Map.of("a", List.of("b")), "GET", FULL, "csrf-token"));
        assertThat(addon.lastRequest.get().config()).as("the stored settings, never the caller's")
                .containsEntry("apiKey", "top-secret").containsEntry("region", "eu");
        assertThat(addon.lastRequest.get().version()).isEqualTo("1.0");
        assertThat(addon.lastRequest.get().parameter("a")).isEqualTo("b");
        assertThat(addon.lastRequest.get().moduleLink()).isEqualTo("/admin/addonmodules?module=fake");
        assertThat(addon.lastRequest.get().csrfToken()).isEqualTo("csrf-token");

        List<Map<String, Object>> saves = core.hooks().events(HookTopics.ADDON_MODULE_CONFIG_SAVE).stream()
                .map(e -> e.properties()).toList();
        assertThat(saves).hasSize(3);
        assertThat(saves.get(1)).containsEntry(HookTopics.MODULE, "fake").containsEntry(HookTopics.CHANGED_SETTINGS, List.of("region"));
        assertThat(core.activityLog().search("top-secret", 0, 0, 10).items()).isEmpty();
    }

    @Test
    void badSettingsAreRefusedAndChangeNothing() {
        core.modules().activate("fake");
        assertThatThrownBy(() -> core.modules().saveConfiguration("fake", Map.of("region", "mars"), null, FULL))
                .isInstanceOf(BillingException.class).hasMessage("The setting 'Region' must be one of [eu, us]");
        assertThatThrownBy(() -> core.modules().saveConfiguration("fake", Map.of("nope", "x"), null, FULL))
                .isInstanceOf(BillingException.class).hasMessageContaining("no setting 'nope'");
        assertThat(info().settings()).containsEntry("region", "eu");
    }

    @Test
    void adminOutputRefusesInactiveUnavailableAddonsAndRolesOutsideTheAccessList() {
        assertThat(Refusal.of(() -> core.modules().adminOutput("fake", request(Map.of(), FULL, "t"))))
                .isEqualTo(BillingException.Category.FORBIDDEN);
        core.modules().activate("fake");
        assertThat(Refusal.of(() -> core.modules().adminOutput("fake", request(Map.of(), SALES, "t"))))
                .isEqualTo(BillingException.Category.FORBIDDEN);
        core.modules().saveConfiguration("fake", Map.of(), List.of("Full Administrator", "Sales Operator"), FULL);
        assertThat(core.modules().adminOutput("fake", request(Map.of(), SALES, "t")).html()).isEqualTo("<p>ok</p>");

        core.removeAddon("fake");
        assertThat(Refusal.of(() -> core.modules().adminOutput("fake", request(Map.of(), FULL, "t"))))
                .isEqualTo(BillingException.Category.UNAVAILABLE);
        assertThatThrownBy(() -> core.modules().activate("fake")).hasMessage(
                "Addon 'fake' is not available: its bundle is not installed or not active.");
    }

    @Test
    void aGoneAddonIsStillListedWithItsStoredSettingsMasked() {
        core.modules().activate("fake");
        core.modules().saveConfiguration("fake", Map.of("apiKey", "k", "region", "us"), null, FULL);
        core.removeAddon("fake");

        assertThat(core.modules().addons()).singleElement().satisfies(gone -> {
            assertThat(gone.available()).isFalse();
            assertThat(gone.active()).isTrue();
            assertThat(gone.settings()).containsEntry("apiKey", ModuleInfo.MASK).containsEntry("region", "us");
        });
        core.addAddon("fake", addon);
        core.modules().adminOutput("fake", request(Map.of(), FULL, "t"));
        assertThat(addon.lastRequest.get().config()).containsEntry("apiKey", "k");
    }

    @Test
    void aFailingModuleTemplateShowsTheTemplateServicesSentence() {
        core.modules().activate("fake");
        addon.pageFailure = new ModuleTemplateException("page.ftlh");

        assertThatThrownBy(() -> core.modules().adminOutput("fake", request(Map.of(), FULL, "t")))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.category()).isEqualTo(BillingException.Category.UNAVAILABLE))
                .hasMessage("The module's page could not be shown; the error is in the host's log.");
    }

    @Test
    void serverModulesAreListedWithTheirConfigOptions() {
        core.addServerModule("fakemod", new org.billinghost.core.internal.commands.FakeServerModule());
        assertThat(core.modules().serverModules()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("fakemod");
            assertThat(m.kind()).isEqualTo("server");
            assertThat(m.fields()).hasSize(2);
        });
        assertThat(core.modules().serverModule("other")).isEmpty();
    }

    /** A request as the web area builds it: the host fills in the version and settings. */
    private static AddonRequest request(Map<String, List<String>> parameters, AdminIdentity admin, String token) {
        return new AddonRequest("/admin/addonmodules?module=fake", "", Map.of(), parameters, "GET", admin, token);
    }
}
