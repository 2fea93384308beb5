package org.billinghost.core.internal.modules;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.billinghost.api.module.AddonMetadata;
import org.billinghost.api.module.AddonModule;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.module.AddonResult;
import org.billinghost.api.module.ConfigField;

/** An addon for tests: a version, an api key (password), a yes/no flag and a region dropdown. */
final class FakeAddon implements AddonModule {
    final String version;
    final List<String> upgrades = new CopyOnWriteArrayList<>();
    final AtomicReference<AddonRequest> lastRequest = new AtomicReference<>();
    volatile AddonResult activateAnswer = AddonResult.success("Activated");
    volatile int activations;
    volatile int deactivations;
    /** Thrown by the sidebar and the client-area output when set. */
    volatile RuntimeException failure;
    /** Thrown by the admin page when set. */
    volatile RuntimeException pageFailure;

    FakeAddon(String version) {
        this.version = version;
    }

    @Override
    public AddonMetadata metadata() {
        return new AddonMetadata("Fake Addon", "For tests", version, "Tests", List.of(
                ConfigField.password("apiKey", "API key", ""),
                ConfigField.yesNo("enabled", "Enabled", ""),
                ConfigField.dropdown("region", "Region", "", List.of("eu", "us"))));
    }

    @Override
    public AddonResult activateAddon() {
        activations++;
        return activateAnswer;
    }

    @Override
    public AddonResult deactivateAddon() {
        deactivations++;
        return AddonResult.success("Deactivated");
    }

    @Override
    public AddonResult upgrade(String previousVersion) {
        upgrades.add(previousVersion);
        return AddonResult.success("");
    }

    @Override
    public AddonPage adminOutput(AddonRequest request) {
        lastRequest.set(request);
        if (pageFailure != null) {
            throw pageFailure;
        }
        return AddonPage.of("Fake", "<p>ok</p>");
    }

    @Override
    public Optional<String> sidebar(AddonRequest request) {
        if (failure != null) {
            throw failure;
        }
        return Optional.of("<p>side for " + request.admin().username() + " region " + request.config().get("region") + "</p>");
    }

    @Override
    public Optional<String> clientAreaOutput(long clientId) {
        if (failure != null) {
            throw failure;
        }
        return Optional.of("<p>client " + clientId + "</p>");
    }
}
