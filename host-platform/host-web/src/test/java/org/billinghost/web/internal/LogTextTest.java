package org.billinghost.web.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {
    @Test
    void lineBreaksAndOtherControlCharactersAreEscaped() {
        assertThat(LogText.of("admin\r\n12:00:00 INFO Login succeeded")).isEqualTo("admin\\r\\n12:00:00 INFO Login succeeded");
        assertThat(LogText.of("a\u2028b\u0085c\u001bd\te\\n")).isEqualTo("a\\u2028b\\u0085c\\u001bd\\te\\\\n");
        assertThat(LogText.of(null)).isEmpty();
        assertThat(LogText.of("plain name@example.com")).isEqualTo("plain name@example.com");
    }

    @Test
    void longTextIsCut() {
        assertThat(LogText.of("x".repeat(10_000))).isEqualTo("x".repeat(LogText.MAX) + "...");
    }
}
