package org.billinghost.jetpack.internal.client;

import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The client's configuration, parsed once. An unusable base URL does not stop the service from
 * starting: every call then answers with a message naming the setting to fix.
 *
 * @param baseUrl   the parsed base URL, null when {@code rawBaseUrl} is not an http(s) URL
 */
record ClientSettings(String rawBaseUrl, HttpUrl baseUrl, Duration connectTimeout, Duration readTimeout,
                      Duration callTimeout) {

    static ClientSettings of(String baseUrl, int connectMillis, int readMillis, int callMillis) {
        String raw = baseUrl == null ? "" : baseUrl.trim();
        return new ClientSettings(raw, HttpUrl.parse(raw.replaceAll("/+$", "")),
                positive(connectMillis, 10_000), positive(readMillis, 30_000), positive(callMillis, 60_000));
    }

    static ClientSettings of(PartnerApiConfiguration config) {
        return of(config.baseUrl(), config.connectTimeoutMillis(), config.readTimeoutMillis(), config.callTimeoutMillis());
    }

    private static Duration positive(int millis, int fallback) {
        return Duration.ofMillis(millis > 0 ? millis : fallback);
    }
}
