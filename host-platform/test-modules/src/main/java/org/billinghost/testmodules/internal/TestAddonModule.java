package org.billinghost.testmodules.internal;

import java.util.List;
import java.util.Optional;
import org.billinghost.api.module.AddonMetadata;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.Html;
import org.billinghost.api.module.ModuleProperties;
import org.osgi.service.component.annotations.Component;

/**
 * An addon for tests and as the README's example: one config field of every type and an admin
 * page with a small form that carries the CSRF token and echoes what was posted (escaped).
 */
@Component(service = AddonModule.class, property = ModuleProperties.MODULE_NAME + "=" + TestAddonModule.NAME)
public final class TestAddonModule implements AddonModule {

    public static final String NAME = "testaddon";
    public static final String VERSION = "1.0.0";

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
        StringBuilder html = new StringBuilder(512);
        html.append("<h2>").append(Html.escape(request.config().getOrDefault("greeting", "Hello"))).append("</h2>");
        html.append("<p>Signed in as ").append(Html.escape(request.admin().username()))
                .append(", version ").append(Html.escape(request.version())).append("</p>");
        if (request.isPost()) {
            html.append("<p class=\"posted\">You sent: ").append(Html.escape(request.parameter("message")))
                    .append("</p>");
        }
        html.append("<form method=\"post\" action=\"").append(Html.escape(request.moduleLink())).append("\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(Html.escape(request.csrfToken()))
                .append("\"><label>Message <input type=\"text\" name=\"message\"></label>")
                .append("<button type=\"submit\">Send</button></form>");
        return AddonPage.of("Test Addon", html.toString());
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
