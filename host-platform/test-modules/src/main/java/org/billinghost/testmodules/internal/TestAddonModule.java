package org.billinghost.testmodules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.module.AddonMetadata;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.ModuleProperties;
import org.billinghost.api.platform.ModuleTemplates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An addon for tests and as the example of docs/writing-a-module.md: one config field of every type
 * and an admin page, rendered from this bundle's {@code templates/testaddon.ftlh}, with a small form
 * that carries the CSRF token and echoes what was posted. The sidebar and client-area output show
 * that a plain HTML string works too.
 */
@Component(service = AddonModule.class, property = ModuleProperties.MODULE_NAME + "=" + TestAddonModule.NAME)
public final class TestAddonModule implements AddonModule {

    public static final String NAME = "testaddon";
    public static final String VERSION = "1.0.0";

    private final ModuleTemplates templates;

    @Activate
    public TestAddonModule(@Reference ModuleTemplates templates) {
        this.templates = templates;
    }

    @Override
    public AddonMetadata metadata() {
        return new AddonMetadata("Test Addon", "An addon with a field of every type, for tests and examples",
                VERSION, "Billing host", List.of(
                        ConfigField.text("greeting", "Greeting", "Shown at the top of the page"),
                        ConfigField.password("secret", "Secret", "Never shown in clear"),
                        ConfigField.yesNo("enabled", "Enabled", "Tick to enable"),
                        ConfigField.textarea("notes", "Notes", "Free text", 4),
                        ConfigField.dropdown("colour", "Colour", "Pick one", List.of("red", "green", "blue")),
                        ConfigField.radio("size", "Size", "Pick one", List.of("small", "large"))));
    }

    @Override
    public AddonResult activateAddon() {
        return AddonResult.success("Test Addon activated");
    }

    @Override
    public AddonResult deactivateAddon() {
        return AddonResult.success("Test Addon deactivated");
    }

    @Override
    public AddonResult upgrade(String previousVersion) {
        return AddonResult.info("Test Addon upgraded from " + previousVersion);
    }

    @Override
    public AddonPage adminOutput(AddonRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("greeting", request.config().getOrDefault("greeting", "Hello"));
        model.put("admin", request.admin().username());
        model.put("version", request.version());
        model.put("action", request.moduleLink());
        model.put("token", request.csrfToken());
        if (request.isPost()) {
            model.put("posted", request.parameter("message"));
        }
        return AddonPage.of("Test Addon", templates.render("testaddon.ftlh", model));
    }

    @Override
    public Optional<String> sidebar(AddonRequest request) {
        return Optional.of("<p>Test Addon sidebar</p>");
    }

    @Override
    public Optional<String> clientAreaOutput(long clientId) {
        return Optional.of("<p class=\"testaddon\">Test Addon for client " + clientId + "</p>");
    }
}
