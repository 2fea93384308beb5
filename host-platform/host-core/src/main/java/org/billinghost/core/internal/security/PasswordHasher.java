package org.billinghost.core.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Slow password hashes for admins and clients: PBKDF2WithHmacSHA512 with a random 16-byte salt,
 * stored as {@code pbkdf2-sha512$<iterations>$<salt>$<hash>} (base64) so that the algorithm and the iteration
 * count can change without invalidating stored hashes. Hashes of the earlier format
 * ({@code pbkdf2-sha256$…}, 210,000 iterations: below OWASP's current figure for SHA-256) are still verified and
 * are replaced at the next successful login ({@link #outdated}). At most {@link PasswordsConfiguration#concurrency()} hashes run at
 * once (a fair queue): each takes a core for tens of milliseconds, and unbounded they would starve every other
 * request during a burst of logins or sign-ups.
 */
@Component(service = PasswordHasher.class, configurationPid = PasswordsConfiguration.PID)
@Designate(ocd = PasswordsConfiguration.class)
public final class PasswordHasher {

    /** OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    /** The format written now, then the earlier one, which is only verified. */
    private static final Algorithm CURRENT = new Algorithm("pbkdf2-sha512", "PBKDF2WithHmacSHA512", 512);
    private static final Algorithm SHA256 = new Algorithm("pbkdf2-sha256", "PBKDF2WithHmacSHA256", 256);

    private record Algorithm(String prefix, String jca, int keyBits) {
        static Algorithm of(String prefix) {
            return CURRENT.prefix.equals(prefix) ? CURRENT : SHA256.prefix.equals(prefix) ? SHA256 : null;
        }
    }

    private final int iterations;
    private final int concurrency;
    private final Semaphore slots;
    private final SecureRandom random = new SecureRandom();
    /**
     * Verified against when an account does not exist, so that the answer takes as long either way;
     * built without hashing so that creating the hasher costs nothing at start-up.
     */
    private final String dummyHash;

    @Activate
    public PasswordHasher(PasswordsConfiguration config) {
        this(DEFAULT_ITERATIONS, config.concurrency());
    }

    private PasswordHasher(int iterations, int concurrency) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
        this.concurrency = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.slots = new Semaphore(this.concurrency, true);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        this.dummyHash = CURRENT.prefix + "$" + iterations + "$" + b64.encodeToString(new byte[16]) + "$"
                + b64.encodeToString(new byte[CURRENT.keyBits / 8]);
    }

    /**
     * Fewer iterations only for tests of other behaviour (stored hashes carry their own count). A factory, not a
     * constructor: SCR picks the activation constructor by its number of parameters.
     */
    public static PasswordHasher of(int iterations, int concurrency) {
        return new PasswordHasher(iterations, concurrency);
    }

    /** Hashes allowed at the same time. */
    public int concurrency() {
        return concurrency;
    }

    /** Hashes that could start now (all of {@link #concurrency()} when none runs). */
    int available() {
        return slots.availablePermits();
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return CURRENT.prefix + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(CURRENT, password, salt, iterations));
    }

    /** Constant-time check; false for a malformed or empty stored hash. */
    public boolean verify(String password, String stored) {
        String[] parts = parts(stored);
        Algorithm algorithm = parts.length == 4 ? Algorithm.of(parts[0]) : null;
        if (algorithm == null || password == null) {
            burnVerification(password);
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(algorithm, password, salt, n));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether a stored hash (one that just verified) should be replaced by {@link #hash}: it has the earlier
     * format or fewer iterations than this hasher uses.
     */
    public boolean outdated(String stored) {
        String[] parts = parts(stored);
        if (parts.length != 4 || !CURRENT.prefix.equals(parts[0])) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
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
        return stored == null ? new String[0] : stored.split("\\$");
    }

    /** Spends the time of one verification; used when the account does not exist. */
    public void burnVerification(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    private byte[] derive(Algorithm algorithm, String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, algorithm.keyBits);
        slots.acquireUninterruptibly();
        try {
            return SecretKeyFactory.getInstance(algorithm.jca).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jca + " is not available in this JVM", e);
        } finally {
            slots.release();
            spec.clearPassword();
        }
    }
}
