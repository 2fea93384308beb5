package org.billinghost.httpapi.internal.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhpUnserializerTest {

    @Test
    void parsesWhmcsCustomFieldsArrayKeyedByFieldId() {
        // PHP: serialize(array(12 => "example.com", 13 => "Plan B"))
        Map<Object, Object> map = PhpUnserializer.parseArray(
                "a:2:{i:12;s:11:\"example.com\";i:13;s:6:\"Plan B\";}".getBytes());

        assertThat(map).containsExactly(Map.entry(12L, "example.com"), Map.entry(13L, "Plan B"));
    }

    @Test
    void countsStringLengthsInUtf8Bytes() {
        // "é" is two bytes in UTF-8, so PHP writes s:5 for "café"
        assertThat(PhpUnserializer.parse("s:5:\"café\";")).isEqualTo("café");
        assertThatThrownBy(() -> PhpUnserializer.parse("s:4:\"café\";"))
                .isInstanceOf(PhpSerializedException.class).hasMessageContaining("Expected '\"'");
    }

    @Test
    void parsesScalarsAndStringKeysAndNestedArrays() {
        Object value = PhpUnserializer.parse(
                "a:6:{s:4:\"name\";s:3:\"abc\";i:-3;i:42;s:1:\"b\";b:1;s:1:\"d\";d:1.5;s:1:\"n\";N;s:1:\"a\";a:1:{i:0;s:1:\"x\";}}");

        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) value;
        assertThat(map).containsEntry("name", "abc").containsEntry(-3L, 42L).containsEntry("b", true)
                .containsEntry("d", 1.5).containsEntry("n", null).containsEntry("a", Map.of(0L, "x"));
    }

    @Test
    void refusesObjectsAndReferences() {
        assertThatThrownBy(() -> PhpUnserializer.parse("O:8:\"stdClass\":0:{}"))
                .hasMessage("Serialised objects are not accepted at byte 0");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:1:{i:0;C:3:\"Foo\":0:{}}"))
                .hasMessage("Serialised objects are not accepted at byte 9");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:2:{i:0;s:1:\"x\";i:1;r:2;}"))
                .hasMessageContaining("references are not accepted");
    }

    @Test
    void refusesTruncatedAndTrailingData() {
        assertThatThrownBy(() -> PhpUnserializer.parse("a:2:{i:1;s:1:\"x\";}"))
                .hasMessageContaining("at byte");
        assertThatThrownBy(() -> PhpUnserializer.parse("s:10:\"short\";"))
                .hasMessageContaining("String length 10 runs past the end of the data");
        assertThatThrownBy(() -> PhpUnserializer.parse("i:1;i:2;"))
                .hasMessage("Unexpected data after the serialised value at byte 4");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:1:{i:1;s:1:\"x\";"))
                .hasMessage("Unexpected end of data, expected '}' at byte 17");
        assertThatThrownBy(() -> PhpUnserializer.parse("")).hasMessageContaining("Empty");
    }

    @Test
    void refusesMalformedNumbersBooleansAndKeys() {
        assertThatThrownBy(() -> PhpUnserializer.parse("i:abc;")).hasMessage("Expected a number at byte 2");
        assertThatThrownBy(() -> PhpUnserializer.parse("i:99999999999999999999;")).hasMessageContaining("too large");
        assertThatThrownBy(() -> PhpUnserializer.parse("b:2;")).hasMessageContaining("Boolean must be 0 or 1");
        assertThatThrownBy(() -> PhpUnserializer.parse("d:1.2.3;")).hasMessageContaining("Malformed float");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:1:{b:1;s:1:\"x\";}"))
                .hasMessageContaining("Array keys must be integers or strings");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:2:{i:1;s:1:\"x\";i:1;s:1:\"y\";}"))
                .hasMessageContaining("Duplicate array key 1");
        assertThatThrownBy(() -> PhpUnserializer.parse("x:1;")).hasMessage("Unknown type 'x' at byte 0");
    }

    @Test
    void refusesCountsThatCannotFitAndDeepNesting() {
        assertThatThrownBy(() -> PhpUnserializer.parse("a:100000000:{}"))
                .hasMessageContaining("does not fit the data");
        assertThatThrownBy(() -> PhpUnserializer.parse("a:-1:{}")).hasMessageContaining("does not fit");
        String deep = "a:1:{i:0;".repeat(20) + "N;" + "}".repeat(20);
        assertThatThrownBy(() -> PhpUnserializer.parse(deep)).hasMessageContaining("nested deeper than 16");
    }

    @Test
    void parseArrayRequiresAnArray() {
        assertThatThrownBy(() -> PhpUnserializer.parseArray("s:1:\"x\";".getBytes()))
                .hasMessageContaining("Expected a serialised array");
    }
}
