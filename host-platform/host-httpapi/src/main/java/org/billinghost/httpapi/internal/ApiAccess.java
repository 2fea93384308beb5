package org.billinghost.httpapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.billinghost.api.platform.IpRange;

/**
 * The API's address restriction: an allow-list of addresses and ranges (empty: every address may call, as in WHMCS)
 * and an access key, kept as its SHA-256, that lets a call in from any address.
 */
final class ApiAccess {

    static final ApiAccess OPEN = new ApiAccess(true, List.of(), "");
    static final int MAX_ENTRIES = 1000;
    /** Longer access keys are refused before hashing. */
    static final int MAX_KEY_LENGTH = 1000;

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** No allow-list: every address may call. */
    private final boolean everyone;
    private final List<IpRange> allowed;
    private final String accessKeyHash;

    private ApiAccess(boolean everyone, List<IpRange> allowed, String accessKeyHash) {
        this.everyone = everyone;
        this.allowed = allowed;
        this.accessKeyHash = accessKeyHash;
    }

    /** The restriction a configuration describes; a malformed entry is refused naming it. */
    static ApiAccess of(String[] allowedIps, String accessKeyHash) {
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : allowedIps == null ? new String[0] : allowedIps) {
            // a .cfg file gives one comma-separated string, Configuration Admin an array: accept both
            for (String one : (entry == null ? "" : entry).split("[,\\s]+")) {
                if (!one.isEmpty()) {
                    if (ranges.size() == MAX_ENTRIES) {
                        throw new IllegalArgumentException("At most " + MAX_ENTRIES + " allowed addresses");
                    }
                    ranges.add(IpRange.parse(one));
                }
            }
        }
        String hash = normalisedHash(accessKeyHash);
        if (!hash.isEmpty() && !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("The access key hash must be 64 hexadecimal digits (SHA-256)");
        }
        return new ApiAccess(ranges.isEmpty(), List.copyOf(ranges), hash);
    }

    /** No address allowed, for a configuration that cannot be read; the access key stays usable when its hash can. */
    static ApiAccess closed(String accessKeyHash) {
        String hash = normalisedHash(accessKeyHash);
        return new ApiAccess(false, List.of(), HASH.matcher(hash).matches() ? hash : "");
    }

    private static String normalisedHash(String hash) {
        return hash == null ? "" : hash.trim().toLowerCase(Locale.ROOT);
    }

    boolean hasAccessKey() {
        return !accessKeyHash.isEmpty();
    }

    /** Whether {@code address} (the connection's remote address) may call. */
    boolean allows(String address) {
        return everyone || allowed.stream().anyMatch(r -> r.contains(address));
    }

    boolean accessKeyMatches(String key) {
        return hasAccessKey() && key.length() <= MAX_KEY_LENGTH
                && MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
                        accessKeyHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
