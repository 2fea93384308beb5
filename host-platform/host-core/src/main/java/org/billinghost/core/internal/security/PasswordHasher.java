package org.billinghost.core.internal.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Slow password hashes for admins and clients: PBKDF2WithHmacSHA256 with a random 16-byte salt,
 * stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64) so that the iteration count can
 * grow without invalidating stored hashes. At most {@link PasswordsConfiguration#concurrency()} hashes run at
 * once (a fair queue): each takes a core for tens of milliseconds, and unbounded they would starve every other
 * request during a burst of logins or sign-ups.
 */
@Component(service = PasswordHasher.class, configurationPid = PasswordsConfiguration.PID)
@Designate(ocd = PasswordsConfiguration.class)
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int KEY_BITS = 256;

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
        this.dummyHash = PREFIX + "$" + iterations + "$" + b64.encodeToString(new byte[16]) + "$"
                + b64.encodeToString(new byte[KEY_BITS / 8]);
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
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Constant-time check; false for a malformed or empty stored hash. */
    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || password == null) {
            burnVerification(password);
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, n));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification; used when the account does not exist. */
    public void burnVerification(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    private byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        slots.acquireUninterruptibly();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            slots.release();
            spec.clearPassword();
        }
    }
}
