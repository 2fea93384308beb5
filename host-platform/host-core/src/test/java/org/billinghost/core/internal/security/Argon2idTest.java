package org.billinghost.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Our Argon2id and BLAKE2b against the reference implementation's output and against Bouncy Castle's. */
class Argon2idTest {

    /** Password, then the PHC string Debian's {@code argon2} 20190702 (the reference implementation) made of it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "correct horse battery|$argon2id$v=19$m=8192,t=3,p=1$c2FsdHNhbHRzYWx0MTIzNA$"
                + "xMvdQQfZmSu0cyVS9QV2rRIrUYAyvaWDY77L2XoQEng",
        "correct horse battery|$argon2id$v=19$m=7168,t=5,p=2$c2FsdHNhbHRzYWx0MTIzNA$"
                + "aCjcvPdGBkTpWY9RkY/kXEw8W+z81RkafKGIXnbuvhI",
        "correct horse battery|$argon2id$v=19$m=1024,t=3,p=1$c2FsdHNhbHRzYWx0MTIzNA$"
                + "q4sqv0P+RZLUvu3V1x6Wt4i+rww8d8eBLQNPfbVE2kc",
        "x|$argon2id$v=19$m=37,t=1,p=2$c2FsdHNhbHQ$hEDnFs0AHnyI5YhCyYWGK8+dd/EMYqy/6fITPQXj5YQuQ9Bw93+WHzI/L+8OeNG73rniE"
                + "z0+FINMlqwrAe71mzAr6RAs80eCzCLvnDhG/GT5Mlsb/CaXJrKDsf9sqfdOF6LN7g",
        "pässwörd|$argon2id$v=19$m=96,t=2,p=3$MDEyMzQ1Njc4OWFiY2RlZg$cpqp1AM5nMtfdsNtETtEicV++rn1LrPWTV/DVl77jujpvxF0Vp9"
                + "63rYQg9B7yYU09LKvh26gdlWqmI1OTzXiOA",
        "password|$argon2id$v=19$m=300,t=4,p=1$c29tZXNhbHQ$HSV+BQ"})
    void tagsAreThoseOfTheReferenceImplementation(String password, String phc) {
        String[] parts = phc.split("\\$");
        String[] cost = parts[3].split(",");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = Base64.getDecoder().decode(parts[5]);

        byte[] tag = new Argon2id(64).hash(password.getBytes(StandardCharsets.UTF_8), salt,
                Integer.parseInt(cost[0].substring(2)), Integer.parseInt(cost[1].substring(2)),
                Integer.parseInt(cost[2].substring(2)), expected.length);

        assertThat(tag).isEqualTo(expected);
    }

    @Test
    void tagsAreThoseOfBouncyCastleForManyParametersAndAnEngineKeepsNoStateBetweenHashes() {
        Random random = new Random(20261201);
        Argon2id engine = new Argon2id(256); // memory kept up to 256 blocks: both the kept and the dropped path
        for (int n = 0; n < 40; n++) {
            int lanes = 1 + random.nextInt(3);
            int memoryKiB = 8 * lanes + random.nextInt(400);
            int passes = 1 + random.nextInt(3);
            int length = 4 + random.nextInt(120);
            byte[] password = new byte[random.nextInt(70)];
            byte[] salt = new byte[8 + random.nextInt(40)];
            random.nextBytes(password);
            random.nextBytes(salt);

            byte[] expected = new byte[length];
            Argon2BytesGenerator bc = new Argon2BytesGenerator();
            bc.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKiB).withIterations(passes)
                    .withParallelism(lanes).withSalt(salt).build());
            bc.generateBytes(password, expected);

            assertThat(engine.hash(password, salt, memoryKiB, passes, lanes, length))
                    .as("m=%d t=%d p=%d length %d", memoryKiB, passes, lanes, length).isEqualTo(expected);
        }
    }

    @Test
    void parametersOutOfRangeAreRefused() {
        Argon2id engine = new Argon2id(64);
        byte[] salt = new byte[16];
        assertThatThrownBy(() -> engine.hash(new byte[1], salt, 15, 1, 2, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.hash(new byte[1], salt, 64, 0, 1, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.hash(new byte[1], new byte[7], 64, 1, 1, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.hash(new byte[1], salt, 64, 1, 1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.hash(new byte[1], salt, Integer.MAX_VALUE / 128 + 1, 1, 1, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blake2bOfAbcIsRfc7693sExample() {
        byte[] out = new byte[64];
        new Blake2b(64).update("abc".getBytes(StandardCharsets.US_ASCII)).digest(out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdb"
                + "ffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void blake2bIsBouncyCastlesForEveryBlockBoundaryAndOutputLength() {
        Random random = new Random(7693);
        Blake2b ours = new Blake2b(64);
        for (int length : new int[] {0, 1, 4, 127, 128, 129, 255, 256, 257, 1000}) {
            for (int outputBytes : new int[] {1, 4, 32, 63, 64}) {
                byte[] in = new byte[length];
                random.nextBytes(in);
                byte[] expected = new byte[outputBytes];
                Blake2bDigest bc = new Blake2bDigest(8 * outputBytes);
                bc.update(in, 0, in.length);
                bc.doFinal(expected, 0);

                byte[] actual = new byte[outputBytes];
                // fed in two pieces, so that a block is split between calls
                ours.reset(outputBytes).update(in, 0, length / 3).update(in, length / 3, length - length / 3)
                        .digest(actual, 0);
                assertThat(actual).as("%d bytes in, %d out", length, outputBytes).isEqualTo(expected);
            }
        }
    }
}
