package org.billinghost.api.module;

import java.util.Objects;

/** WHMCS's {@code MetaData()}: how the module is shown and whether it needs a server record. */
public record ServerMetadata(String displayName, String apiVersion, boolean requiresServer) {
    public ServerMetadata {
        Objects.requireNonNull(displayName, "displayName");
        apiVersion = apiVersion == null ? "1.1" : apiVersion;
    }
}
