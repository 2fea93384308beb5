package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartnersTest {

    @Test
    void parsesIdSecretPairsAndSkipsMalformedEntries() {
        Partners partners = Partners.parse(new String[] {"1001:demo-partner-secret", " 2002 : s:with:colons ", "nocolon",
                ":nosecret-id", "3003:", null});

        assertThat(partners.ids()).containsExactly("1001", "2002");
        assertThat(partners.authenticate("1001", "demo-partner-secret")).isTrue();
        assertThat(partners.authenticate("2002", "s:with:colons")).isTrue();
    }

    @Test
    void authenticatesExactlyOnly() {
        Partners partners = Partners.parse(new String[] {"1001:secret"});

        assertThat(partners.authenticate("1001", "secret ")).isFalse();
        assertThat(partners.authenticate(" 1001", "secret")).isFalse();
        assertThat(partners.authenticate("1001", "Secret")).isFalse();
        assertThat(partners.authenticate("1001", null)).isFalse();
        assertThat(partners.authenticate(null, "secret")).isFalse();
        assertThat(partners.authenticate("1002", "secret")).isFalse();
    }

    @Test
    void theLastEntryForAnIdWins() {
        Partners partners = Partners.parse(new String[] {"1001:old", "1001:new"});

        assertThat(partners.authenticate("1001", "new")).isTrue();
        assertThat(partners.authenticate("1001", "old")).isFalse();
    }
}
