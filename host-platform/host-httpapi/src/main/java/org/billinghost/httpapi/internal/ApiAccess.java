package org.billinghost.httpapi.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API's address restriction: an allow-list of addresses and ranges (empty: every address may call, as in WHMCS)
 * and an access key, kept as its SHA-256, that lets a call in from any address. Entries are read without any name
 * lookup: only literal addresses are accepted.
 */
final class ApiAccess {

    static final ApiAccess OPEN = new ApiAccess(true, List.of(), "");
    /** An allow-list entry or an access key longer than this is refused before any parsing. */
    static final int MAX_ENTRY_LENGTH = 64;
    static final int MAX_ENTRIES = 1000;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** One address or range: the address's bits and how many of them must match. */
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    /** No allow-list: every address may call. */
    private final boolean everyone;
    private final List<Range> allowed;
    private final String accessKeyHash;

    private ApiAccess(boolean everyone, List<Range> allowed, String accessKeyHash) {
        this.everyone = everyone;
        this.allowed = allowed;
        this.accessKeyHash = accessKeyHash;
    }

    /** The restriction a configuration describes; a malformed entry is refused naming it. */
    static ApiAccess of(String[] allowedIps, String accessKeyHash) {
        List<Range> ranges = new ArrayList<>();
        String[] entries = allowedIps == null ? new String[0] : allowedIps;
        if (entries.length > MAX_ENTRIES) {
            throw new IllegalArgumentException("At most " + MAX_ENTRIES + " allowed addresses, got " + entries.length);
        }
        for (String entry : entries) {
            // a single setting may also hold several, as a text box gives them
            for (String one : (entry == null ? "" : entry).split("[,\\s]+")) {
                if (!one.isEmpty()) {
                    ranges.add(range(one));
                }
            }
        }
        String hash = accessKeyHash == null ? "" : accessKeyHash.trim().toLowerCase(Locale.ROOT);
        if (!hash.isEmpty() && !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("The access key hash must be 64 hexadecimal digits (SHA-256)");
        }
        return new ApiAccess(ranges.isEmpty(), List.copyOf(ranges), hash);
    }

    private static Range range(String entry) {
        if (entry.length() > MAX_ENTRY_LENGTH) {
            throw new IllegalArgumentException("Allowed address '" + ApiRequest.shorten(entry) + "' is too long");
        }
        int slash = entry.indexOf('/');
        String literal = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(literal).orElseThrow(() -> new IllegalArgumentException("Allowed address '"
                + ApiRequest.printable(entry, MAX_ENTRY_LENGTH) + "' is not an IP address or a range such as 192.0.2.0/24"));
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = entry.substring(slash + 1);
            if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
                throw new IllegalArgumentException("Allowed address '" + ApiRequest.printable(entry, MAX_ENTRY_LENGTH)
                        + "' has a prefix length outside 0-" + bits);
            }
            prefix = Integer.parseInt(digits);
        }
        return new Range(address, prefix);
    }

    /** A literal IPv4 or IPv6 address's bytes; never a name lookup. */
    static Optional<byte[]> literal(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(text.contains(":") && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** No address allowed, for a configuration that cannot be read; the access key stays usable when its hash can. */
    static ApiAccess closed(String accessKeyHash) {
        String hash = accessKeyHash == null ? "" : accessKeyHash.trim().toLowerCase(Locale.ROOT);
        return new ApiAccess(false, List.of(), HASH.matcher(hash).matches() ? hash : "");
    }

    boolean hasAccessKey() {
        return !accessKeyHash.isEmpty();
    }

    /** Whether {@code address} (the connection's remote address) may call. */
    boolean allows(String address) {
        if (everyone) {
            return true;
        }
        Optional<byte[]> bytes = literal(address == null ? "" : address.replaceAll("^\\[|]$", ""));
        return bytes.isPresent() && allowed.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    boolean accessKeyMatches(String key) {
        return hasAccessKey() && key.length() <= 1000
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
