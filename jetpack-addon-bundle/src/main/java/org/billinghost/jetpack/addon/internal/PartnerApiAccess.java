package org.billinghost.jetpack.addon.internal;

import java.util.Map;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.PartnerApi;

/** The Partner API service of the Jetpack server bundle, which may come and go at run time. */
final class PartnerApiAccess extends ServiceSlot<PartnerApi> {

    static Map<String, Object> unavailable() {
        return Alert.of(Kind.DANGER, PartnerApi.PREFIX + "the Partner API service is not available: check that the Jetpack"
                + " server bundle is installed in modules/ and active. Nothing was sent.");
    }
}
