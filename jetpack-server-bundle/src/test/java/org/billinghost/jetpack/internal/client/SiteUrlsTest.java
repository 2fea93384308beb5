package org.billinghost.jetpack.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteUrlsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "example.com                   | example.com          | example.com",
            "https://example.com           | example.com          | example.com",
            "http://example.com/           | example.com          | example.com",
            "' HTTPS://Example.com/// '    | Example.com          | Example.com",
            "example.com/demo/wp           | example.com/demo/wp  | example.com::demo::wp",
            "https://example.com/demo/wp/  | example.com/demo/wp  | example.com::demo::wp",
            "''                            | ''                   | ''",
            "ftp://example.com/            | example.com          | example.com",
            "example.com:8080//            | example.com:8080     | example.com:8080",
    })
    void cleansAndIdentifies(String input, String clean, String identifier) {
        assertThat(SiteUrls.clean(input)).isEqualTo(clean);
        assertThat(SiteUrls.identifier(input)).isEqualTo(identifier);
    }
}
