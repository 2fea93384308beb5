package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomFieldValuesTest {

    private final ObjectMapper json = ApiJson.mapper();

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesBase64OfPhpSerialisedArrayKeyedById() {
        String raw = b64("a:3:{i:5;s:7:\"example\";i:6;i:42;i:7;b:1;}");

        assertThat(CustomFieldValues.decode(raw, "customfields[0]", json))
                .containsExactly(Map.entry("5", "example"), Map.entry("6", "42"), Map.entry("7", "on"));
    }

    @Test
    void acceptsAPlusThatArrivedAsASpaceBecauseTheClientDidNotUrlEncodeIt() {
        String raw = b64("a:1:{i:5;s:3:\">>>\";}");
        assertThat(raw).contains("+");

        assertThat(CustomFieldValues.decode(raw.replace('+', ' '), "cf", json)).containsExactly(Map.entry("5", ">>>"));
    }

    @Test
    void decodesJsonObjectsAsTextAsBase64OrAsObjects() {
        assertThat(CustomFieldValues.decode("{\"Site URL\":\"https://a.example\"}", "cf", json))
                .containsEntry("Site URL", "https://a.example");
        assertThat(CustomFieldValues.decode(b64("{\"5\":\"x\"}"), "cf", json)).containsEntry("5", "x");
        assertThat(CustomFieldValues.decode(Map.of("5", 3), "cf", json)).containsEntry("5", "3");
        assertThat(CustomFieldValues.decode("", "cf", json)).isEmpty();
    }

    @Test
    void refusesBadBase64BadSerialisationAndNestedValuesNamingTheParameter() {
        assertThatThrownBy(() -> CustomFieldValues.decode("YT!x", "customfields[1]", json))
                .isInstanceOf(ApiError.class).hasMessageStartingWith("customfields[1] is not valid base64");
        assertThatThrownBy(() -> CustomFieldValues.decode(b64("a:1:{i:5;s:9:\"short\";}"), "customfields[0]", json))
                .hasMessageStartingWith("customfields[0] is not a valid PHP-serialised array: String length 9");
        assertThatThrownBy(() -> CustomFieldValues.decode(b64("O:8:\"stdClass\":0:{}"), "customfields[0]", json))
                .hasMessageContaining("Serialised objects are not accepted");
        assertThatThrownBy(() -> CustomFieldValues.decode(b64("a:1:{i:5;a:0:{}}"), "customfields[0]", json))
                .hasMessage("customfields[0][5] must be a string or a number");
        assertThatThrownBy(() -> CustomFieldValues.decode("{\"a\":", "customfields[0]", json))
                .hasMessage("customfields[0] is not a valid JSON object (line 1, column 6)");
        assertThatThrownBy(() -> CustomFieldValues.decode("{\"a\":\"b\"} {\"c\":1}", "customfields[0]", json))
                .hasMessage("customfields[0] is not a valid JSON object (line 1, column 11)");
        assertThatThrownBy(() -> CustomFieldValues.decode("{\"a\":\"" + "x".repeat(ApiJson.MAX_STRING_LENGTH + 1) + "\"}",
                "customfields[0]", json)).hasMessageStartingWith("customfields[0] exceeds this API's limits: at most 16");
        assertThatThrownBy(() -> CustomFieldValues.decode(java.util.List.of("x"), "customfields[0]", json))
                .hasMessageContaining("must be a base64-encoded PHP-serialised array or a JSON object");
    }
}
