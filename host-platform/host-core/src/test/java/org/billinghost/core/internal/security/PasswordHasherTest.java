package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void defaultHashIsSaltedPbkdf2WithAtLeast210000Iterations() {
        PasswordHasher hasher = PasswordHasher.of(PasswordHasher.DEFAULT_ITERATIONS, 0);
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");

        assertThat(a).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("correct horse", a)).isTrue();
        assertThat(hasher.verify("correct horse ", a)).isFalse();
    }

    @Test
    void storedIterationCountIsHonouredAndMalformedHashesFail() {
        String cheap = PasswordHasher.of(1000, 0).hash("pw");
        assertThat(PasswordHasher.of(PasswordHasher.DEFAULT_ITERATIONS, 0).verify("pw", cheap)).isTrue();
        assertThat(PasswordHasher.of(1000, 0).verify("pw", cheap.replace("$1000$", "$1001$"))).isFalse();
        PasswordHasher hasher = PasswordHasher.of(1000, 0);
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", null)).isFalse();
        assertThat(hasher.verify("pw", "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(hasher.verify(null, cheap)).isFalse();
    }

    @Test
    void concurrencyIsTheSettingOrHalfTheProcessors() {
        assertThat(PasswordHasher.of(1000, 3).concurrency()).isEqualTo(3);
        assertThat(PasswordHasher.of(1000, 0).concurrency())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    @Test
    void hashesQueueForTheirTurnAndAllFinish() throws Exception {
        PasswordHasher hasher = PasswordHasher.of(1000, 1);
        List<Callable<Boolean>> logins = new ArrayList<>();
        String stored = hasher.hash("pw");
        for (int i = 0; i < 8; i++) {
            logins.add(() -> hasher.verify("pw", stored));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Boolean> f : pool.invokeAll(logins)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hasher.available()).isEqualTo(1);
    }
}
