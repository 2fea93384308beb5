package org.billinghost.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "https://example.com:8443/blog", "http://Example.COM/", " example.com ",
            "HTTPS://shop.example.co.uk/a/b-c_d~e%20f",
            "http://blog.example.co.uk/wp", "Example.COM:8080/a/b", "xn--bcher-kva.example", "192.168.1.20:80", "a.b:65535/"})
    void acceptsHostNamesWithAnOptionalSchemePortAndPath(String address) {
        assertThat(WebAddress.problem(address)).isEmpty();
        assertThat(WebAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                              | it is empty",
            "'   '                           | it is empty",
            "ftp://example.com               | only http:// and https:// addresses are accepted",
            "javascript://example.com        | only http:// and https:// addresses are accepted",
            "https://user:pw@example.com     | it must not contain a user name or password",
            "localhost                       | the host name needs at least two parts, e.g. example.com",
            "https:///blog                   | the host name is missing",
            "example..com                    | each part of the host name has 1 to 63 characters",
            "example.com.                    | each part of the host name has 1 to 63 characters",
            "-example.com                    | the host name has letters, digits and inner hyphens only",
            "exa_mple.com                    | the host name has letters, digits and inner hyphens only",
            "bücher.example                  | the host name has letters, digits and inner hyphens only",
            "example.com:0                   | the port must be a number from 1 to 65535",
            "example.com:65536               | the port must be a number from 1 to 65535",
            "example.com:                    | the port must be a number from 1 to 65535",
            "example.com:80:80               | the port must be a number from 1 to 65535",
            "example.com/a b                 | the path has letters, digits and -._~!$&'()*+,;=:@%/ only (no spaces, ? or #)",
            "example.com/?q=1                | the path has letters, digits and -._~!$&'()*+,;=:@%/ only (no spaces, ? or #)",
            "example.com/<script>            | the path has letters, digits and -._~!$&'()*+,;=:@%/ only (no spaces, ? or #)",
            "exa mple.com                    | the host name has letters, digits and inner hyphens only",
            "https://                        | the host name is missing",
    })
    void refusesWhatIsNotAWebAddressSayingWhy(String address, String problem) {
        assertThat(WebAddress.problem(address)).isEqualTo(Optional.of(problem));
    }

    @Test
    void aLabelHasAtMost63Characters() {
        assertThat(WebAddress.problem("a".repeat(63) + ".com")).isEmpty();
        assertThat(WebAddress.problem("a".repeat(64) + ".com"))
                .contains("each part of the host name has 1 to 63 characters");
    }

    @Test
    void aHostNameHasAtMost253Characters() {
        String host253 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
        assertThat(host253).hasSize(253);
        assertThat(WebAddress.problem("https://" + host253 + "/blog")).isEmpty();
        assertThat(WebAddress.problem(host253 + "d")).contains("the host name is longer than 253 characters");
    }

    @Test
    void anAddressHasAtMost2000Characters() {
        String path = "/" + "p".repeat(2000 - "example.com/".length());
        assertThat(WebAddress.problem("example.com" + path)).isEmpty();
        assertThat(WebAddress.problem("example.com" + path + "p")).contains("it is longer than 2000 characters");
    }

    @Test
    void aLongDottedHostIsRefusedByItsLengthWithoutWork() {
        // the value that overflowed the stack of the regular expression this class replaces
        assertThat(WebAddress.problem("a.".repeat(20_000) + "com")).contains("it is longer than 2000 characters");
        assertThat(WebAddress.problem("a.".repeat(900) + "com")).contains("the host name is longer than 253 characters");
    }
}
