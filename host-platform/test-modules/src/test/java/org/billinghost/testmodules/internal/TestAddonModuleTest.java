package org.billinghost.testmodules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AdminIdentity;
import org.billinghost.api.module.FieldType;
import org.billinghost.web.internal.BundleTemplates;
import org.junit.jupiter.api.Test;

class TestAddonModuleTest {

    private final TestAddonModule addon = new TestAddonModule(
            new BundleTemplates(TestAddonModule.class.getClassLoader(), "host-test-modules"));

    private static AddonRequest request(String method, Map<String, List<String>> parameters) {
        return new AddonRequest("/admin/addonmodules?module=testaddon", "1.0.0",
                Map.of("greeting", "Hi <there>", "secret", "s3cret-value"), parameters, method,
                new AdminIdentity(1, "admin", "Full Administrator"), "tok<en>");
    }

    @Test
    void hasOneFieldOfEveryType() {
        assertThat(addon.metadata().fields()).extracting(f -> f.type()).containsExactlyInAnyOrder(FieldType.values());
    }

    @Test
    void pageCarriesTheCsrfTokenEscapesInputAndNeverPrintsTheSecret() {
        AddonPage page = addon.adminOutput(request("POST", Map.of("message", List.of("<script>x</script>"))));

        assertThat(page.html())
                .contains("<input type=\"hidden\" name=\"token\" value=\"tok&lt;en&gt;\">")
                .contains("You sent: &lt;script&gt;x&lt;/script&gt;")
                .contains("<h2>Hi &lt;there&gt;</h2>")
                .doesNotContain("s3cret-value")
                .doesNotContain("<script>");
    }

    @Test
    void getShowsTheFormWithoutAnEcho() {
        assertThat(addon.adminOutput(request("GET", Map.of())).html()).contains("<form method=\"post\"")
                .doesNotContain("You sent");
    }

    @Test
    void activationAndUpgradeSucceed() {
        assertThat(addon.activateAddon().isError()).isFalse();
        assertThat(addon.deactivateAddon().isError()).isFalse();
        assertThat(addon.upgrade("0.9").description()).contains("0.9");
    }
}
