package org.billinghost.web.internal;

import org.billinghost.api.module.AddonMetadata;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.ConfigField;
import org.billinghost.api.module.Html;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An addon with one field of every type; its page echoes (escaped) what it is sent and records each request. */
public final class FakeAddon implements AddonModule {
    public final List<AddonRequest> requests = new CopyOnWriteArrayList<>();
    public volatile AddonResult activateAnswer = AddonResult.success("Ready");
    /** When set, the sidebar and the client-area output throw it, as a buggy addon would. */
    public volatile RuntimeException outputFailure;

    @Override
    public AddonMetadata metadata() {
        return new AddonMetadata("Fake Addon", "An addon for <tests>", "1.0", "Test Team", List.of(
                ConfigField.text("apikey", "API Key", "The key"),
                ConfigField.password("secret", "Secret", "Never shown"),
                ConfigField.yesNo("debug", "Debug", "Log more"),
                ConfigField.textarea("notes", "Notes", "", 3),
                ConfigField.dropdown("colour", "Colour", "", List.of("red", "green")),
                ConfigField.radio("size", "Size", "", List.of("small", "large"))));
    }

    @Override
    public AddonResult activateAddon() {
        return activateAnswer;
    }

    @Override
    public AddonResult deactivateAddon() {
        return AddonResult.info("Data kept");
    }

    @Override
    public AddonPage adminOutput(AddonRequest request) {
        requests.add(request);
        if ("go".equals(request.parameter("action"))) {
            return AddonPage.redirect(request.moduleLink() + "&done=1");
        }
        return AddonPage.of("Fake page", "<div id=\"fake-output\">said: " + Html.escape(request.parameter("say"))
                + "</div><form method=\"post\" action=\"" + Html.escape(request.moduleLink()) + "\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(request.csrfToken()) + "\"></form>");
    }

    @Override
    public Optional<String> sidebar(AddonRequest request) {
        if (outputFailure != null) {
            throw outputFailure;
        }
        return Optional.of("<ul id=\"fake-sidebar\"><li>Hello " + Html.escape(request.admin().username()) + "</li></ul>");
    }

    @Override
    public Optional<String> clientAreaOutput(long clientId) {
        if (outputFailure != null) {
            throw outputFailure;
        }
        return Optional.of("<p class=\"fake-client\">Offer for client " + clientId + "</p>");
    }
}
