package org.billinghost.jetpack.sandbox.internal;

import java.util.Arrays;
import java.util.Optional;

/** The Partner API endpoints the sandbox emulates, under the names its stats and faults use. */
enum Endpoint {
    TOKEN("token", "POST"),
    PROVISION("provision", "POST"),
    CANCEL("cancel", "POST"),
    STATUS("status", "GET"),
    UPGRADE_PATHS("upgrade_paths", "GET");

    private final String key;
    private final String method;

    Endpoint(String key, String method) {
        this.key = key;
        this.method = method;
    }

    String key() {
        return key;
    }

    String method() {
        return method;
    }

    static Optional<Endpoint> byKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}
