package org.billinghost.jetpack.internal.client;

import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The client's configuration, parsed once. An unusable base URL does not stop the service from
 * starting: every call then answers with a message naming the setting to fix.
 *
 * @param baseUrl   the parsed base URL, null when {@code rawBaseUrl} is not an http(s) URL
 * @param statusVersion the status call's API version ({@code 1.3}), null when {@code rawStatusVersion} is not one
 */
record ClientSettings(String rawBaseUrl, HttpUrl baseUrl, String rawStatusVersion, String statusVersion,
                      Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
    static final String DEFAULT_STATUS_VERSION = "1.3";
    private static final Pattern VERSION = Pattern.compile("\\d{1,2}\\.\\d{1,2}");

    static ClientSettings of(String baseUrl, int connectMillis, int readMillis, int callMillis) {
        return of(baseUrl, DEFAULT_STATUS_VERSION, connectMillis, readMillis, callMillis);
    }

    static ClientSettings of(String baseUrl, String statusVersion, int connectMillis, int readMillis, int callMillis) {
        String raw = baseUrl == null ? "" : baseUrl.trim();
        String version = statusVersion == null ? "" : statusVersion.trim().replaceFirst("^[vV]", "");
        return new ClientSettings(raw, HttpUrl.parse(raw.replaceAll("/+$", "")), statusVersion,
                VERSION.matcher(version).matches() ? version : null,
                positive(connectMillis, 10_000), positive(readMillis, 30_000), positive(callMillis, 60_000));
    }

    static ClientSettings of(PartnerApiConfiguration config) {
        return of(config.baseUrl(), config.statusApiVersion(), config.connectTimeoutMillis(), config.readTimeoutMillis(),
                config.callTimeoutMillis());
    }

    private static Duration positive(int millis, int fallback) {
        return Duration.ofMillis(millis > 0 ? millis : fallback);
    }
}
