package org.billinghost.jetpack.sandbox.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The endpoints the sandbox emulates (Partner API and Licensing API), under the names its stats and faults use. */
public enum Endpoint {
    TOKEN("token", "POST", Api.OAUTH),
    PROVISION("provision", "POST", Api.PARTNER),
    CANCEL("cancel", "POST", Api.PARTNER),
    STATUS("status", "GET", Api.PARTNER),
    UPGRADE_PATHS("upgrade_paths", "GET", Api.PARTNER),
    LICENSE_GET("license_get", "GET", Api.LICENSING),
    LICENSE_ISSUE("license_issue", "POST", Api.LICENSING),
    LICENSE_REVOKE("license_revoke", "DELETE", Api.LICENSING),
    LICENSE_ATTACH("license_attach", "POST", Api.LICENSING),
    LICENSE_DETACH("license_detach", "DELETE", Api.LICENSING),
    PRODUCT_FAMILIES("product_families", "GET", Api.LICENSING),
    PARTNER_PRODUCT_FAMILIES("partner_product_families", "GET", Api.LICENSING),
    SITE_CONNECTION("site_connection", "POST", Api.LICENSING),
    LICENSES("licenses", "GET", Api.LICENSING),
    LICENSE_COUNTS("license_counts", "GET", Api.LICENSING);

    /** Which contract an endpoint belongs to: it decides the shape of its errors. */
    public enum Api { OAUTH, PARTNER, LICENSING }

    private final String key;
    private final String method;
    private final Api api;

    Endpoint(String key, String method, Api api) {
        this.key = key;
        this.method = method;
        this.api = api;
    }

    String key() {
        return key;
    }

    String method() {
        return method;
    }

    Api api() {
        return api;
    }

    static Optional<Endpoint> byKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }

    /** {@code token, provision, ...}: for the messages that list what may be named. */
    static String keys() {
        return Arrays.stream(values()).map(Endpoint::key).collect(Collectors.joining(", "));
    }
}
