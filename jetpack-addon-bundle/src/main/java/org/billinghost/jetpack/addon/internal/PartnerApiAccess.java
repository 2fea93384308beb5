package org.billinghost.jetpack.addon.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.PartnerApi;

/** The Partner API service of the Jetpack server bundle, which may come and go at run time. */
final class PartnerApiAccess {
    private final AtomicReference<PartnerApi> service = new AtomicReference<>();

    Optional<PartnerApi> get() {
        return Optional.ofNullable(service.get());
    }

    void set(PartnerApi api) {
        service.set(api);
    }

    /** Clears only when {@code api} is still the current one (a greedy rebind binds the new one first). */
    void unset(PartnerApi api) {
        service.compareAndSet(api, null);
    }

    static Map<String, Object> unavailable() {
        return Alert.of(Kind.DANGER, PartnerApi.PREFIX + "the Partner API service is not available: check that the Jetpack"
                + " server bundle is installed in modules/ and active. Nothing was sent.");
    }
}
