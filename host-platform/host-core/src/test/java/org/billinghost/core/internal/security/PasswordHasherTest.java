package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void defaultHashIsSaltedPbkdf2WithAtLeast210000Iterations() {
        PasswordHasher hasher = new PasswordHasher();
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");

        assertThat(a).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("correct horse", a)).isTrue();
        assertThat(hasher.verify("correct horse ", a)).isFalse();
    }

    @Test
    void storedIterationCountIsHonouredAndMalformedHashesFail() {
        String cheap = new PasswordHasher(1000).hash("pw");
        assertThat(new PasswordHasher().verify("pw", cheap)).isTrue();
        assertThat(new PasswordHasher(1000).verify("pw", cheap.replace("$1000$", "$1001$"))).isFalse();
        PasswordHasher hasher = new PasswordHasher(1000);
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", null)).isFalse();
        assertThat(hasher.verify("pw", "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(hasher.verify(null, cheap)).isFalse();
    }
}
