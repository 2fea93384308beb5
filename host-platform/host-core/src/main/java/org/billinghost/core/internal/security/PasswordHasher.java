package org.billinghost.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slow password hashes for admins and clients: {@link Argon2id} with a random 16-byte salt and a 32-byte hash, stored in the PHC string format {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} that the
 * reference implementation and PHP's {@code password_hash} write, so that the parameters can change without
 * invalidating stored hashes (and an imported PHP Argon2id hash verifies). Hashes of the earlier PBKDF2 formats
 * ({@code pbkdf2-sha512$…} and {@code pbkdf2-sha256$…}) are still verified and are replaced at the next successful
 * login ({@link #outdated}). At most {@link PasswordsConfiguration#concurrency()} hashes run at once, each on an
 * {@link Argon2id} of a fair queue (which keeps its memory for the next hash): each takes a core for tens of
 * milliseconds, and unbounded they would starve every other request during a burst of logins or sign-ups.
 */
@Component(service = PasswordHasher.class, configurationPid = PasswordsConfiguration.PID)
@Designate(ocd = PasswordsConfiguration.class)
public final class PasswordHasher {

    /**
     * One of the equivalent minimum settings of OWASP's Password Storage Cheat Sheet (7 MiB, 5 passes, 1 lane): of
     * those, the one with the least memory per hash, so that concurrent hashes grow the heap least.
     */
    public static final int DEFAULT_MEMORY_KIB = 7168;
    public static final int DEFAULT_PASSES = 5;
    /** Each concurrent hash keeps its memory (7 MiB by default): 16 of them are a fifth of the default heap. */
    public static final int MAX_CONCURRENCY = 16;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);

    private static final String ARGON2ID = "argon2id";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /*
     * Bounds of a stored hash's parameters, checked before any work: a hash from an import or a damaged row must not
     * make one login allocate the heap away (PHP's default is 64 MiB, 4 passes).
     */
    private static final int MAX_MEMORY_KIB = 65_536;
    private static final int MAX_PASSES = 16;
    private static final int MAX_LANES = 4;
    private static final int MAX_PBKDF2_ITERATIONS = 1_000_000;

    /** The earlier formats, which are only verified. */
    private enum Pbkdf2 {
        SHA512("pbkdf2-sha512", "PBKDF2WithHmacSHA512", 512), SHA256("pbkdf2-sha256", "PBKDF2WithHmacSHA256", 256);

        final String prefix;
        final String jca;
        final int keyBits;

        Pbkdf2(String prefix, String jca, int keyBits) {
            this.prefix = prefix;
            this.jca = jca;
            this.keyBits = keyBits;
        }

        static Pbkdf2 of(String prefix) {
            for (Pbkdf2 format : values()) {
                if (format.prefix.equals(prefix)) {
                    return format;
                }
            }
            return null;
        }
    }

    /** Parsed Argon2id parameters of a stored hash. */
    private record Cost(int memoryKiB, int passes, int lanes) {
        String phc() {
            return "$" + ARGON2ID + "$v=19$m=" + memoryKiB + ",t=" + passes + ",p=" + lanes + "$";
        }

        /** Memory × passes, what OWASP's equivalent settings keep about constant. */
        long work() {
            return (long) memoryKiB * passes;
        }

        static Cost parse(String version, String parameters) {
            if (!"v=19".equals(version)) {
                return null;
            }
            String[] p = parameters.split(",");
            if (p.length != 3 || !p[0].startsWith("m=") || !p[1].startsWith("t=") || !p[2].startsWith("p=")) {
                return null;
            }
            try {
                Cost cost = new Cost(Integer.parseInt(p[0].substring(2)), Integer.parseInt(p[1].substring(2)),
                        Integer.parseInt(p[2].substring(2)));
                boolean bounded = cost.lanes >= 1 && cost.lanes <= MAX_LANES && cost.passes >= 1
                        && cost.passes <= MAX_PASSES && cost.memoryKiB >= 8 * cost.lanes
                        && cost.memoryKiB <= MAX_MEMORY_KIB;
                return bounded ? cost : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private final Cost cost;
    private final int concurrency;
    /** One engine per hash allowed at once; a hash (PBKDF2 too) waits for one. */
    private final BlockingQueue<Argon2id> engines;
    private final SecureRandom random = new SecureRandom();
    /**
     * Verified against when an account does not exist, so that the answer takes as long either way;
     * built without hashing so that creating the hasher costs nothing at start-up.
     */
    private final String dummyHash;

    @Activate
    public PasswordHasher(PasswordsConfiguration config) {
        this(DEFAULT_MEMORY_KIB, DEFAULT_PASSES, concurrency(config.concurrency()));
    }

    /** The setting when it is from 0 to {@link #MAX_CONCURRENCY}; otherwise refused by name in the log, 0 applies. */
    static int concurrency(int value) {
        if (value >= 0 && value <= MAX_CONCURRENCY) {
            return value;
        }
        LOG.warn("Password hashing setting refused: concurrency={} is not a number from 0 to {}; 0 (half the"
                + " processors) applies", value, MAX_CONCURRENCY);
        return 0;
    }

    private PasswordHasher(int memoryKiB, int passes, int concurrency) {
        this.cost = Cost.parse("v=19", "m=" + memoryKiB + ",t=" + passes + ",p=1");
        if (cost == null) {
            throw new IllegalArgumentException("Argon2id needs 8 to " + MAX_MEMORY_KIB + " KiB and 1 to "
                    + MAX_PASSES + " passes");
        }
        this.concurrency = concurrency > 0 ? concurrency
                : Math.min(MAX_CONCURRENCY, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.engines = new ArrayBlockingQueue<>(this.concurrency, true);
        for (int i = 0; i < this.concurrency; i++) {
            engines.add(new Argon2id(memoryKiB)); // memory is allocated at an engine's first hash
        }
        this.dummyHash = format(cost, new byte[SALT_BYTES], new byte[HASH_BYTES]);
    }

    /**
     * Cheaper parameters only for tests of other behaviour (stored hashes carry their own). A factory, not a
     * constructor: SCR picks the activation constructor by its number of parameters.
     */
    public static PasswordHasher of(int memoryKiB, int passes, int concurrency) {
        return new PasswordHasher(memoryKiB, passes, concurrency);
    }

    /** Hashes allowed at the same time. */
    public int concurrency() {
        return concurrency;
    }

    /** Hashes that could start now (all of {@link #concurrency()} when none runs). */
    int available() {
        return engines.size();
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return format(cost, salt, argon2id(cost, password, salt, HASH_BYTES));
    }

    private static String format(Cost cost, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return cost.phc() + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Constant-time check; false for a malformed, out-of-bounds or empty stored hash. */
    public boolean verify(String password, String stored) {
        if (password == null) {
            burnVerification("");
            return false;
        }
        try {
            String[] parts = parts(stored);
            Pbkdf2 format = parts.length == 4 ? Pbkdf2.of(parts[0]) : null;
            if (parts.length == 6 && parts[0].isEmpty() && ARGON2ID.equals(parts[1])) {
                Cost storedCost = Cost.parse(parts[2], parts[3]);
                byte[] salt = Base64.getDecoder().decode(parts[4]);
                byte[] expected = Base64.getDecoder().decode(parts[5]);
                if (storedCost != null && salt.length >= 8 && salt.length <= 64 && expected.length >= 16
                        && expected.length <= 64) {
                    return MessageDigest.isEqual(expected, argon2id(storedCost, password, salt, expected.length));
                }
            } else if (format != null) {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] expected = Base64.getDecoder().decode(parts[3]);
                if (iterations >= 1 && iterations <= MAX_PBKDF2_ITERATIONS) {
                    return MessageDigest.isEqual(expected, pbkdf2(format, password, salt, iterations));
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed number or base64 field: the same answer as any other unusable hash
        }
        burnVerification(password);
        return false;
    }

    /**
     * Whether a stored hash (one that just verified) should be replaced by {@link #hash}: it is not Argon2id, or its
     * memory × passes is below this hasher's (an equivalent setting with more memory and fewer passes is kept).
     */
    public boolean outdated(String stored) {
        String[] parts = parts(stored);
        if (parts.length != 6 || !parts[0].isEmpty() || !ARGON2ID.equals(parts[1])) {
            return true;
        }
        Cost storedCost = Cost.parse(parts[2], parts[3]);
        return storedCost == null || storedCost.work() < cost.work();
    }

    /**
     * The hash that should replace {@code stored}, a hash the password just verified against, when that one is
     * {@link #outdated}; empty when it is current. Callers store it only where the old hash is still the stored
     * one, so that a password changed meanwhile is not overwritten.
     */
    public Optional<String> upgrade(String password, String stored) {
        return outdated(stored) ? Optional.of(hash(password)) : Optional.empty();
    }

    private static String[] parts(String stored) {
        return stored == null ? new String[0] : stored.split("\\$", -1);
    }

    /** Spends the time of one verification; used when the account does not exist or its hash is unusable. */
    public void burnVerification(String password) {
        argon2id(cost, password == null ? "" : password, new byte[SALT_BYTES], HASH_BYTES);
    }

    private byte[] argon2id(Cost cost, String password, byte[] salt, int length) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        Argon2id engine = take();
        try {
            return engine.hash(secret, salt, cost.memoryKiB, cost.passes, cost.lanes, length);
        } finally {
            engines.add(engine);
            Arrays.fill(secret, (byte) 0);
        }
    }

    private Argon2id take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return engines.take();
                } catch (InterruptedException e) {
                    interrupted = true; // as Semaphore.acquireUninterruptibly: a login is not abandoned half-way
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] pbkdf2(Pbkdf2 format, String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, format.keyBits);
        Argon2id engine = take();
        try {
            return SecretKeyFactory.getInstance(format.jca).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(format.jca + " is not available in this JVM", e);
        } finally {
            engines.add(engine);
            spec.clearPassword();
        }
    }
}
