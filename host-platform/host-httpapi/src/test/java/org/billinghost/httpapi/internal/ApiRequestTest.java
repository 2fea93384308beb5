package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

    private static ApiRequest form(String... namesAndValues) {
        Map<String, String[]> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.merge(namesAndValues[i], new String[] {namesAndValues[i + 1]}, (a, b) -> {
                String[] c = java.util.Arrays.copyOf(a, a.length + 1);
                c[a.length] = b[0];
                return c;
            });
        }
        return ApiRequest.fromForm(form);
    }

    @Test
    void namesAreCaseInsensitiveAndValuesTrimmed() {
        ApiRequest r = form("moduleType", " addon ", "ACTION", "GetClients");

        assertThat(r.string("moduletype")).isEqualTo("addon");
        assertThat(r.string("action")).isEqualTo("GetClients");
    }

    @Test
    void missingAndBlankRequiredValuesAreRefusedByName() {
        ApiRequest r = form("email", "  ");

        assertThatThrownBy(() -> r.string("email")).isInstanceOf(ApiError.class)
                .hasMessage("Missing required parameter: email")
                .satisfies(e -> assertThat(((ApiError) e).status()).isEqualTo(200));
        assertThatThrownBy(() -> r.id("clientid")).hasMessage("Missing required parameter: clientid");
    }

    @Test
    void idsMustBePositiveWholeNumbers() {
        assertThat(form("clientid", "42").id("clientid")).isEqualTo(42L);
        assertThatThrownBy(() -> form("clientid", "abc").id("clientid"))
                .hasMessage("Parameter clientid must be a positive whole number, got 'abc'");
        assertThatThrownBy(() -> form("clientid", "0").id("clientid"))
                .hasMessage("Parameter clientid must be a positive whole number, got 0");
        assertThatThrownBy(() -> form("clientid", "1.5").id("clientid")).isInstanceOf(ApiError.class);
    }

    @Test
    void listsComeFromBracketFieldsIndexedFieldsJsonArraysOrOneValue() {
        assertThat(form("pid[]", "3", "pid[]", "4").ids("pid")).containsExactly(3L, 4L);
        assertThat(form("pid[1]", "9", "pid[0]", "8").ids("pid")).containsExactly(8L, 9L);
        assertThat(form("pid", "7").ids("pid")).containsExactly(7L);
        assertThat(ApiRequest.fromJson(Map.of("pid", List.of(5, 6))).ids("pid")).containsExactly(5L, 6L);
        assertThat(form().ids("pid")).isEmpty();
        assertThatThrownBy(() -> form("pid[]", "3", "pid[]", "x").ids("pid"))
                .hasMessage("Parameter pid[1] must be a positive whole number, got 'x'");
        assertThatThrownBy(() -> form("pid[a]", "3").ids("pid"))
                .hasMessage("Parameter pid must be a list; found key 'a'");
    }

    @Test
    void mapsComeFromKeyedFieldsOrJsonObjects() {
        assertThat(form("parameters[email]", "a@b.c", "parameters[mode]", "live").stringMap("parameters"))
                .containsExactly(Map.entry("email", "a@b.c"), Map.entry("mode", "live"));
        assertThat(ApiRequest.fromJson(Map.of("parameters", Map.of("on", true))).stringMap("parameters"))
                .containsEntry("on", "true");
        assertThatThrownBy(() -> form("parameters", "x").stringMap("parameters"))
                .hasMessageContaining("must be a set of parameters[key]=value fields or a JSON object");
    }

    @Test
    void singleValuesRefuseListsAndObjects() {
        assertThatThrownBy(() -> form("email[]", "a", "email[]", "b").string("email"))
                .hasMessage("Parameter email must be a single value, not a list or an object");
        assertThatThrownBy(() -> ApiRequest.fromJson(Map.of("email", Map.of("a", "b"))).string("email"))
                .isInstanceOf(ApiError.class);
    }

    @Test
    void jsonNumbersAndBooleansReadAsText() {
        ApiRequest r = ApiRequest.fromJson(Map.of("clientid", 12, "autosetup", false, "amount", 9.5));

        assertThat(r.id("clientid")).isEqualTo(12L);
        assertThat(r.bool("autosetup", true)).isFalse();
        assertThat(r.optAmount("amount")).contains(new BigDecimal("9.5"));
        assertThat(r.isJson()).isTrue();
    }

    @Test
    void booleansIntegersAndAmountsAreChecked() {
        assertThat(form("x", "on").bool("x", false)).isTrue();
        assertThat(form("x", "0").bool("x", true)).isFalse();
        assertThat(form().bool("x", true)).isTrue();
        assertThatThrownBy(() -> form("x", "maybe").bool("x", false))
                .hasMessage("Parameter x must be true or false, got 'maybe'");
        assertThat(form("limitnum", "10").integer("limitnum", 25, 1, 100)).isEqualTo(10);
        assertThatThrownBy(() -> form("limitnum", "1000").integer("limitnum", 25, 1, 100))
                .hasMessage("Parameter limitnum must be between 1 and 100, got 1000");
        assertThatThrownBy(() -> form("amount", "-1").optAmount("amount"))
                .hasMessageContaining("non-negative amount");
        assertThatThrownBy(() -> form("amount", "1.234").optAmount("amount"))
                .hasMessageContaining("at most two decimals");
        assertThatThrownBy(() -> form("amount", "ten").optAmount("amount"))
                .hasMessage("Parameter amount must be an amount like 12.50, got 'ten'");
    }

    @Test
    void amountsArePlainDecimalsThatFitTheMoneyColumns() {
        assertThat(form("amount", "9999999999.99").optAmount("amount")).contains(new BigDecimal("9999999999.99"));
        assertThat(form("amount", "0.5").optAmount("amount")).contains(new BigDecimal("0.5"));
        assertThat(form("amount", "12").optAmount("amount")).contains(new BigDecimal("12"));
        for (String notPlain : new String[] {"1e2", "1E2", ".5", "5.", "+5", "1_000", "0x10", "\u0663", "12.5.0"}) {
            assertThatThrownBy(() -> form("amount", notPlain).optAmount("amount")).as(notPlain)
                    .hasMessage("Parameter amount must be an amount like 12.50, got '" + notPlain + "'");
        }
        assertThatThrownBy(() -> form("amount", "99999999999.99").optAmount("amount"))
                .hasMessage("Parameter amount must be a non-negative amount of at most 9999999999.99, got '99999999999.99'");
        assertThatThrownBy(() -> form("amount", "-0.01").optAmount("amount"))
                .hasMessage("Parameter amount must be a non-negative amount of at most 9999999999.99, got '-0.01'");
        assertThatThrownBy(() -> form("amount", "1".repeat(100_000)).optAmount("amount"))
                .hasMessageStartingWith("Parameter amount must be a non-negative amount of at most 9999999999.99, got '1111");
    }

    @Test
    void echoedAndLoggedValuesCannotStartALineOfTheirOwn() {
        assertThat(ApiRequest.shorten("bob\r\n2026-11-30 INFO forged")).isEqualTo("bob\\u000d\\u000a2026-11-30 INFO forged");
        assertThat(ApiRequest.shorten("a\u2028b\u0000c")).isEqualTo("a\\u2028b\\u0000c");
    }

    @Test
    void secretsAreReadAsSentWithoutTrimming() {
        assertThat(form("secret", " s3cret\u0000 ").rawString("secret")).contains(" s3cret\u0000 ");
        assertThat(form("secret", "").rawString("secret")).isEmpty();
        assertThat(form().rawString("secret")).isEmpty();
    }

    @Test
    void longInputIsShortenedInMessages() {
        String longValue = "x".repeat(500);

        assertThatThrownBy(() -> form("clientid", longValue).id("clientid"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }
}
