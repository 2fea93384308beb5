package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

public class PasswordHasherTest {

    @Test
    void defaultHashIsSaltedPbkdf2WithAtLeast210000Iterations() {
        PasswordHasher hasher = PasswordHasher.of(PasswordHasher.DEFAULT_ITERATIONS, 0);
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");

        assertThat(a).matches("pbkdf2-sha512\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}");
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
        assertThat(hasher.verify("pw", "pbkdf2-sha512$x$y$z")).isFalse();
        assertThat(hasher.verify("pw", cheap.replace("pbkdf2-sha512$", "pbkdf2-md5$"))).isFalse();
        assertThat(hasher.verify(null, cheap)).isFalse();
    }

    @Test
    void earlierSha256HashesStillVerifyAndAreUpgradedToTheCurrentFormat() throws Exception {
        PasswordHasher hasher = PasswordHasher.of(1000, 0);
        String legacy = legacySha256("old-pw", 1000);

        assertThat(hasher.verify("old-pw", legacy)).isTrue();
        assertThat(hasher.verify("old-pw ", legacy)).isFalse();
        assertThat(hasher.outdated(legacy)).isTrue();
        String upgraded = hasher.upgrade("old-pw", legacy).orElseThrow();
        assertThat(upgraded).startsWith("pbkdf2-sha512$1000$");
        assertThat(hasher.verify("old-pw", upgraded)).isTrue();
        assertThat(hasher.upgrade("old-pw", upgraded)).isEmpty();
    }

    @Test
    void hashesWithFewerIterationsThanTheHasherAreOutdatedAndMoreAreNot() {
        String cheap = PasswordHasher.of(1000, 0).hash("pw");
        assertThat(PasswordHasher.of(2000, 0).outdated(cheap)).isTrue();
        assertThat(PasswordHasher.of(500, 0).outdated(cheap)).isFalse();
        assertThat(PasswordHasher.of(1000, 0).outdated("pbkdf2-sha512$many$a$b")).isTrue();
    }

    /** A hash in the format written before PBKDF2-SHA512, made here with the JDK alone. */
    public static String legacySha256(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
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
