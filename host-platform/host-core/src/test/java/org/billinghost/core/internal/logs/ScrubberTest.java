package org.billinghost.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrubberTest {

    @Test
    void emptyAndNullValuesAreIgnored() {
        assertThat(new Scrubber(Arrays.asList("", null)).scrub("keep all of this")).isEqualTo("keep all of this");
        assertThat(new Scrubber(null).scrub(null)).isEmpty();
    }

    @Test
    void longerFormsAreReplacedBeforeShorterOnes() {
        // "a b" URL-encoded is "a+b"; "a" alone is also a secret and must not break the longer match
        assertThat(new Scrubber(List.of("a", "a b")).scrub("x=a+b y=a b")).isEqualTo("x=******** y=********");
    }
}
