package org.billinghost.jetpack.addon.internal;

import java.util.List;
import java.util.Map;
import org.billinghost.api.module.ConfigField;
import org.billinghost.jetpack.partner.PartnerCredentials;

/** The addon's configuration fields and how their saved values become partner credentials. */
final class AddonSettings {
    static final String CLIENT_ID = "partner_client_id";
    static final String CLIENT_SECRET = "partner_client_secret";
    static final String LICENSING_TOKEN = "licensing_token";

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.text(CLIENT_ID, "Partner Client Id",
                    "The client id Automattic gave you as a Jetpack hosting partner."),
            ConfigField.password(CLIENT_SECRET, "Partner Client Secret",
                    "The client secret that goes with the id; it is never shown back."),
            ConfigField.password(LICENSING_TOKEN, "Licensing API token",
                    "The partner token of the Jetpack Licensing API (license key products, the Licenses page); it is never"
                            + " shown back."));

    private AddonSettings() {
    }

    static PartnerCredentials credentials(Map<String, String> config) {
        return new PartnerCredentials(config.get(CLIENT_ID), config.get(CLIENT_SECRET));
    }

    static String licensingToken(Map<String, String> config) {
        String token = config.get(LICENSING_TOKEN);
        return token == null ? "" : token.trim();
    }

    static boolean isCredentialKey(String key) {
        return CLIENT_ID.equals(key) || CLIENT_SECRET.equals(key);
    }
}
