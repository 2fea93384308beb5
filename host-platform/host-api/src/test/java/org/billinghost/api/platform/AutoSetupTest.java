package org.billinghost.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoSetupTest {
    @Test
    void readsWhmcsStoredValuesIgnoringCaseAndSpaces() {
        assertThat(AutoSetup.fromCode(" Payment ")).contains(AutoSetup.PAYMENT);
        assertThat(AutoSetup.fromCode("on")).contains(AutoSetup.ACCEPT);
        assertThat(AutoSetup.fromCode(null)).contains(AutoSetup.MANUAL);
    }

    @Test
    void anUnknownValueIsNoAutoSetup() {
        assertThat(AutoSetup.fromCode("always")).isEmpty();
    }
}
