package org.billinghost.jetpack.sandbox.internal.licensing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every license issued, by key, and how many calls changed one. Lock-free lookups; each license locks itself.
 * Every license stored was billed to its partner, whichever way it was issued.
 */
final class LicenseStore {

    /** License ids cannot be mistaken for blog ids (200 000 001 on) or small test numbers. */
    static final long FIRST_LICENSE_ID = 700_001L;
    static final int KEY_RANDOM_LENGTH = 25;

    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** Calls that took effect (refused and faulted-before-processing ones excluded; lost ones included). */
    record Calls(
            @JsonProperty("issue") long issue,
            @JsonProperty("revoke") long revoke,
            @JsonProperty("attach") long attach,
            @JsonProperty("detach") long detach,
            @JsonProperty("created_at_sandbox") long createdAtSandbox) {
    }

    private final Map<String, License> byKey = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(FIRST_LICENSE_ID);
    private final SecureRandom random = new SecureRandom();
    private final LongAdder issued = new LongAdder();
    private final LongAdder revoked = new LongAdder();
    private final LongAdder attached = new LongAdder();
    private final LongAdder detached = new LongAdder();
    private final LongAdder createdAtSandbox = new LongAdder();

    License issue(String partnerId, LicensedProduct product, License.Origin origin, Instant now) {
        License license;
        do {
            license = new License(nextId.getAndIncrement(), newKey(product), partnerId, product, now, origin);
        } while (byKey.putIfAbsent(license.key(), license) != null);
        (origin == License.Origin.API ? issued : createdAtSandbox).increment();
        return license;
    }

    Optional<License> find(String key) {
        return Optional.ofNullable(key == null ? null : byKey.get(key));
    }

    /** Every license, oldest first. */
    List<LicenseSnapshot> snapshots() {
        return byKey.values().stream().map(License::snapshot).sorted(Comparator.comparingLong(LicenseSnapshot::id)).toList();
    }

    void count(Counted call) {
        switch (call) {
            case REVOKE -> revoked.increment();
            case ATTACH -> attached.increment();
            case DETACH -> detached.increment();
        }
    }

    /** The calls besides issue that {@link #calls()} counts once they took effect. */
    enum Counted { REVOKE, ATTACH, DETACH }

    Calls calls() {
        return new Calls(issued.sum(), revoked.sum(), attached.sum(), detached.sum(), createdAtSandbox.sum());
    }

    void clear() {
        byKey.clear();
        nextId.set(FIRST_LICENSE_ID);
        for (LongAdder counter : List.of(issued, revoked, attached, detached, createdAtSandbox)) {
            counter.reset();
        }
    }

    /** {@code <product-slug>_<25 letters and digits>}, as the real keys look. */
    private String newKey(LicensedProduct product) {
        StringBuilder key = new StringBuilder(product.slug()).append('_');
        for (int i = 0; i < KEY_RANDOM_LENGTH; i++) {
            key.append(KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]);
        }
        return key.toString();
    }
}
