package org.billinghost.jetpack.addon.internal;

import static org.billinghost.jetpack.addon.internal.Markup.alert;

import java.util.Optional;
import java.util.function.Supplier;
import org.billinghost.jetpack.addon.internal.Markup.Kind;
import org.billinghost.jetpack.partner.PartnerApi;

/** The Partner API service of the Jetpack server bundle, which may come and go at run time. */
final class PartnerApiAccess {
    private final Supplier<Optional<PartnerApi>> service;

    PartnerApiAccess(Supplier<Optional<PartnerApi>> service) {
        this.service = service;
    }

    Optional<PartnerApi> get() {
        return service.get();
    }

    static String unavailable() {
        return alert(Kind.DANGER, PartnerApi.PREFIX + "the Partner API service is not available: check that the Jetpack"
                + " server bundle is installed in modules/ and active. Nothing was sent.", "");
    }
}
