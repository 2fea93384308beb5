package org.billinghost.core.internal.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.CustomField;
import org.billinghost.api.platform.CustomFieldType;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ProductType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation of submitted custom field values: sizes first, web addresses parsed, admin patterns that cannot escape. */
class CustomFieldValuesTest {
    /** The Site URL pattern of Jetpack addon 1.0.0: it overflowed the stack on a long dotted host name. */
    private static final String JETPACK_1_0_SITE_URL_REGEX = "(?i)\\s*(https?://)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9._~!$&'()*+,;=:@%/-]*)?\\s*";
    private static final String LONG_DOTTED_HOST = "a.".repeat(20_000) + "com";

    private static CustomField field(long id, String name, CustomFieldType type, String regex) {
        return new CustomField(id, 1, name, type, "", regex, List.of(), false, false, true, false, 0);
    }

    private static Product product(CustomField... fields) {
        return new Product(1, 1, "Plan", "", ProductType.OTHER, false, PayType.ONETIME, BigDecimal.ONE, "",
                List.of(), AutoSetup.MANUAL, List.of(fields));
    }

    private static final Product SITE = product(field(7, "Site URL", CustomFieldType.LINK, ""));

    /** The message of the refusal, which must be an invalid-input one. */
    private static String refusal(Product product, String name, String value) {
        BillingException e = refused(product, name, value);
        assertThat(e.category()).isEqualTo(BillingException.Category.INVALID_INPUT);
        return e.getMessage();
    }

    @Test
    void aLongDottedHostIsRefusedByTheLengthLimitBeforeAnyValidation() {
        assertThat(refusal(SITE, "Site URL", LONG_DOTTED_HOST))
                .isEqualTo("The value of the custom field 'Site URL' is longer than 2000 characters");
        // a field still carrying the old pattern: the pattern never sees the value
        Product legacy = product(field(8, "Site URL", CustomFieldType.TEXT, JETPACK_1_0_SITE_URL_REGEX));
        assertThat(refusal(legacy, "Site URL", LONG_DOTTED_HOST))
                .isEqualTo("The value of the custom field 'Site URL' is longer than 2000 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "https://example.com:8443/blog"})
    void linkFieldsAcceptWebAddresses(String address) {
        assertThat(CustomFieldValues.validate(SITE, Map.of("Site URL", address), false, true)).containsExactly(
                Map.entry(7L, address));
    }

    @Test
    void linkFieldsRefuseWhatIsNotAWebAddressSayingWhy() {
        String host254 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);
        assertThat(refusal(SITE, "Site URL", host254)).isEqualTo(
                "The custom field 'Site URL' is not a valid web address: the host name is longer than 253 characters");
        assertThat(refusal(SITE, "Site URL", "not a url")).isEqualTo("The custom field 'Site URL' is not a valid web"
                + " address: the host name needs at least two parts, e.g. example.com");
        String url2001 = "https://example.com/" + "p".repeat(2001 - "https://example.com/".length());
        assertThat(refusal(SITE, "Site URL", url2001))
                .isEqualTo("The value of the custom field 'Site URL' is longer than 2000 characters");
    }

    @Test
    void aTextAreaTakes10000CharactersOtherFields2000() {
        Product notes = product(field(3, "Notes", CustomFieldType.TEXTAREA, ""), field(4, "Name", CustomFieldType.TEXT, ""));
        assertThat(CustomFieldValues.validate(notes, Map.of("Notes", "n".repeat(10_000), "Name", "x".repeat(2_000)),
                false, true)).hasSize(2);
        assertThat(refusal(notes, "Notes", "n".repeat(10_001)))
                .isEqualTo("The value of the custom field 'Notes' is longer than 10000 characters");
        assertThat(refusal(notes, "Name", "x".repeat(2_001)))
                .isEqualTo("The value of the custom field 'Name' is longer than 2000 characters");
    }

    @Test
    void aRefusedValueNamesItsFieldByIdAndAnUnknownFieldNamesNone() {
        assertThat(refused(SITE, "Site URL", "not a url").field()).contains("customfields[7]");
        assertThat(refused(SITE, "7", "x".repeat(2_001)).field()).contains("customfields[7]");
        assertThat(refused(SITE, "Nope", "x").field()).isEmpty();
    }

    private static BillingException refused(Product product, String name, String value) {
        try {
            CustomFieldValues.validate(product, Map.of(name, value), false, false);
        } catch (BillingException e) {
            return e;
        }
        throw new AssertionError("the value was accepted");
    }

    @Test
    void anUnknownFieldIsNamedShortened() {
        assertThat(refusal(SITE, "k".repeat(5_000), "x"))
                .isEqualTo("The product 'Plan' has no custom field '" + "k".repeat(64) + "...'");
    }

    @Test
    void anAdminPatternThatOverflowsTheStackRefusesTheValueAsNotValid() throws InterruptedException {
        // each repetition of the group nests a call in java.util.regex: 2,000 of them overflow a small stack
        Product product = product(field(5, "Code", CustomFieldType.TEXT, "(?:a|b)*c"));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread smallStack = new Thread(null, () -> {
            try {
                CustomFieldValues.validate(product, Map.of("Code", "ab".repeat(1_000)), false, false);
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 128 * 1024);
        smallStack.start();
        smallStack.join();

        assertThat(outcome.get()).isInstanceOf(BillingException.class)
                .hasMessage("The value of the custom field 'Code' is not valid");
    }

    @Test
    void anAdminPatternThatBacktracksWithoutEndRefusesTheValueAsNotValid() {
        // the first alternative reads the value some 25 million times before the second one would accept it
        Product product = product(field(6, "Code", CustomFieldType.TEXT, "((a+)+)+c|a+b"));
        assertThat(refusal(product, "Code", "a".repeat(22) + "b"))
                .isEqualTo("The value of the custom field 'Code' is not valid");
        assertThat(CustomFieldValues.validate(product, Map.of("Code", "aab"), false, false)).containsEntry(6L, "aab");
    }
}
