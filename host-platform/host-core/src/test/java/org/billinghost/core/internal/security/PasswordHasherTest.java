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

    /** Made by the reference implementation (Debian's {@code argon2} 20190702) of this password, not by the host. */
    private static final String PASSWORD = "correct horse battery";
    private static final String REFERENCE_M8192_T3 =
            "$argon2id$v=19$m=8192,t=3,p=1$c2FsdHNhbHRzYWx0MTIzNA$xMvdQQfZmSu0cyVS9QV2rRIrUYAyvaWDY77L2XoQEng";
    private static final String REFERENCE_M7168_T5_P2 =
            "$argon2id$v=19$m=7168,t=5,p=2$c2FsdHNhbHRzYWx0MTIzNA$aCjcvPdGBkTpWY9RkY/kXEw8W+z81RkafKGIXnbuvhI";

    private static PasswordHasher cheap() {
        return PasswordHasher.of(64, 1, 0);
    }

    @Test
    void defaultHashIsSaltedArgon2idWithOwaspParametersInThePhcFormat() {
        PasswordHasher hasher = PasswordHasher.of(PasswordHasher.DEFAULT_MEMORY_KIB, PasswordHasher.DEFAULT_PASSES, 0);
        String a = hasher.hash(PASSWORD);
        String b = hasher.hash(PASSWORD);

        assertThat(a).matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify(PASSWORD, a)).isTrue();
        assertThat(hasher.verify(PASSWORD + " ", a)).isFalse();
    }

    @Test
    void hashesOfTheReferenceImplementationVerifyWithTheirOwnParameters() {
        PasswordHasher hasher = cheap();
        assertThat(hasher.verify(PASSWORD, REFERENCE_M8192_T3)).isTrue();
        assertThat(hasher.verify(PASSWORD, REFERENCE_M7168_T5_P2)).isTrue();
        assertThat(hasher.verify("correct horse batterY", REFERENCE_M8192_T3)).isFalse();
        assertThat(hasher.verify(PASSWORD, REFERENCE_M8192_T3.replace("t=3", "t=4"))).isFalse();
    }

    @Test
    void malformedAndOutOfBoundsHashesFail() {
        PasswordHasher hasher = cheap();
        String stored = hasher.hash("pw");
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", null)).isFalse();
        assertThat(hasher.verify(null, stored)).isFalse();
        assertThat(hasher.verify("pw", stored.replace("$argon2id$", "$argon2i$"))).isFalse();
        assertThat(hasher.verify("pw", stored.replace("v=19", "v=16"))).isFalse();
        assertThat(hasher.verify("pw", stored.replace("m=64", "m=x"))).isFalse();
        assertThat(hasher.verify("pw", stored.substring(0, stored.lastIndexOf('$')) + "$!!")).isFalse();
        // more memory than any hash may ask for: refused before any work
        assertThat(hasher.verify("pw", stored.replace("m=64", "m=65537"))).isFalse();
        assertThat(hasher.verify("pw", stored.replace("t=1", "t=17"))).isFalse();
        assertThat(hasher.verify("pw", "pbkdf2-sha512$x$y$z")).isFalse();
        assertThat(hasher.verify("pw", "pbkdf2-sha512$1000001$AAAA$AAAA")).isFalse();
        assertThat(hasher.available()).isEqualTo(hasher.concurrency());
    }

    @Test
    void earlierPbkdf2HashesStillVerifyAndAreUpgradedToArgon2id() throws Exception {
        PasswordHasher hasher = cheap();
        for (String legacy : List.of(legacyPbkdf2("sha256", "old-pw", 1000), legacyPbkdf2("sha512", "old-pw", 1000))) {
            assertThat(hasher.verify("old-pw", legacy)).isTrue();
            assertThat(hasher.verify("old-pw ", legacy)).isFalse();
            assertThat(hasher.outdated(legacy)).isTrue();
            String upgraded = hasher.upgrade("old-pw", legacy).orElseThrow();
            assertThat(upgraded).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
            assertThat(hasher.verify("old-pw", upgraded)).isTrue();
            assertThat(hasher.upgrade("old-pw", upgraded)).isEmpty();
        }
    }

    @Test
    void hashesWithLessMemoryTimesPassesThanTheHasherAreOutdatedAndEquivalentOrStrongerAreNot() {
        PasswordHasher hasher = PasswordHasher.of(PasswordHasher.DEFAULT_MEMORY_KIB, PasswordHasher.DEFAULT_PASSES, 0);
        assertThat(hasher.outdated(REFERENCE_M8192_T3)).isTrue();
        assertThat(hasher.outdated(REFERENCE_M7168_T5_P2)).isFalse();
        // OWASP's equivalent 19 MiB, 2 passes
        assertThat(hasher.outdated(REFERENCE_M8192_T3.replace("m=8192,t=3", "m=19456,t=2"))).isFalse();
        assertThat(hasher.outdated(REFERENCE_M8192_T3.replace("m=8192", "m=many"))).isTrue();
    }

    /** A hash in a PBKDF2 format written before Argon2id ({@code sha256} or {@code sha512}), made with the JDK. */
    public static String legacyPbkdf2(String sha, String password, int iterations) throws Exception {
        int bits = "sha512".equals(sha) ? 512 : 256;
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmac" + sha.toUpperCase())
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bits)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-" + sha + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    @Test
    void concurrencyIsTheSettingOrHalfTheProcessors() {
        assertThat(PasswordHasher.of(64, 1, 3).concurrency()).isEqualTo(3);
        assertThat(cheap().concurrency()).isEqualTo(Math.min(16,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
    }

    @Test
    void aConcurrencyOutsideZeroToSixteenIsRefusedAndZeroApplies() {
        assertThat(PasswordHasher.concurrency(16)).isEqualTo(16);
        assertThat(PasswordHasher.concurrency(17)).isZero();
        assertThat(PasswordHasher.concurrency(-1)).isZero();
    }

    @Test
    void hashesQueueForTheirTurnAndAllFinish() throws Exception {
        PasswordHasher hasher = PasswordHasher.of(64, 1, 1);
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
