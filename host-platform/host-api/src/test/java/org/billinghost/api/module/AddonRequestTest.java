package org.billinghost.api.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddonRequestTest {
    private static final AdminIdentity ADMIN = new AdminIdentity(1, "admin", "Full Administrator");

    @Test
    void forAddonReplacesVersionAndConfigurationAndKeepsTheWebPart() {
        AddonRequest web = new AddonRequest("/admin/addonmodules?module=x", "", Map.of("forged", "1"),
                Map.of("action", List.of("save")), "POST", ADMIN, "token-1");

        AddonRequest toAddon = web.forAddon("2.1", Map.of("apiKey", "secret"));

        assertThat(toAddon).isEqualTo(new AddonRequest("/admin/addonmodules?module=x", "2.1", Map.of("apiKey", "secret"),
                Map.of("action", List.of("save")), "POST", ADMIN, "token-1"));
        assertThat(toAddon.isPost()).isTrue();
        assertThat(toAddon.parameter("action")).isEqualTo("save");
    }
}
