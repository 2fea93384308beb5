package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiteAddressTest {

    @ParameterizedTest
    @CsvSource({
            "example.com,                     example.com,          example.com",
            "https://example.com/,            example.com,          example.com",
            "http://Example.COM/Blog/WP///,   example.com::Blog::WP, example.com/Blog/WP",
            "  https://example.com:8080/wp ,  example.com:8080::wp, example.com:8080/wp"
    })
    void normalisesSiteUrls(String siteurl, String identifier, String url) {
        SiteAddress address = SiteAddress.fromSiteUrl(siteurl).orElseThrow();

        assertThat(address.identifier()).isEqualTo(identifier);
        assertThat(address.url()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "https://", "/path-only", "exa mple.com", "example.com/a b", "example.com/a?b",
            "example.com#x", "a.com//b", "a.com/b:c", "-a.com", "a.com:", "user@a.com"})
    void refusesWhatIsNotASiteAddress(String siteurl) {
        assertThat(SiteAddress.fromSiteUrl(siteurl)).isEmpty();
    }

    @Test
    void lengthsAreBoundedBeforeAnyPatternRuns() {
        String host253 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        assertThat(SiteAddress.fromSiteUrl(host253 + ":8080/wp")).map(SiteAddress::url).contains(host253 + ":8080/wp");
        assertThat(SiteAddress.fromSiteUrl("https://" + "a.".repeat(200) + "com/wp")).isEmpty();
        assertThat(SiteAddress.fromSiteUrl("a.".repeat(20_000) + "com")).isEmpty();
        assertThat(SiteAddress.fromSiteUrl("example.com/" + "p".repeat(2_000))).isEmpty();
        assertThat(SiteAddress.fromIdentifier("example.com::" + "p".repeat(2_000))).isEmpty();
    }

    @Test
    void identifiersRoundTrip() {
        SiteAddress address = SiteAddress.fromSiteUrl("example.com/demo/wp").orElseThrow();

        assertThat(SiteAddress.fromIdentifier(address.identifier())).contains(address);
        assertThat(SiteAddress.fromIdentifier("EXAMPLE.com::demo")).map(SiteAddress::identifier).contains("example.com::demo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:::::example.com", "example.com::", "::wp", "example.com::::wp", "a b.com"})
    void refusesMalformedIdentifiers(String identifier) {
        assertThat(SiteAddress.fromIdentifier(identifier)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"shop.invalid, false", "SHOP.INVALID:8080, false", "invalid, false", "shop.invalid.example, true",
            "example.com, true", "notinvalid, true"})
    void theInvalidTopLevelDomainNeverResolves(String host, boolean resolves) {
        assertThat(SiteAddress.fromSiteUrl(host).orElseThrow().resolves()).isEqualTo(resolves);
    }
}
