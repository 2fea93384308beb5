package org.billinghost.api.platform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IP address ({@code 192.0.2.7}, {@code 2001:db8::7}) or range in CIDR notation ({@code 192.0.2.0/24}), as
 * admins type them into allow-lists. Only literal addresses are read: no name is ever looked up.
 *
 * @since 2.2
 */
public final class IpRange {
    /** The longest entry accepted, in characters. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final String text;
    private final BigInteger network;
    private final int length;
    private final int prefix;

    private IpRange(String text, byte[] network, int prefix) {
        this.text = text;
        this.length = network.length;
        this.prefix = prefix;
        this.network = new BigInteger(1, network).and(mask(network.length, prefix));
    }

    /** Reads one entry; an unreadable one is refused with a message naming it. */
    public static IpRange parse(String entry) {
        String text = entry == null ? "" : entry.trim();
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The address '" + text.substring(0, 20) + "...' is longer than "
                    + MAX_LENGTH + " characters");
        }
        int slash = text.indexOf('/');
        byte[] address = literal(slash < 0 ? text : text.substring(0, slash)).orElseThrow(() ->
                new IllegalArgumentException("'" + printable(text) + "' is not an IP address or a range such as"
                        + " 192.0.2.0/24"));
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
                throw new IllegalArgumentException("'" + printable(text) + "' has a prefix length outside 0-" + bits);
            }
            prefix = Integer.parseInt(digits);
        }
        return new IpRange(text, address, prefix);
    }

    /** Whether {@code address}, a literal IP address, is in this range; anything else is not. */
    public boolean contains(String address) {
        Optional<byte[]> bytes = literal(address == null ? "" : address.trim());
        return bytes.isPresent() && bytes.get().length == length
                && new BigInteger(1, bytes.get()).and(mask(length, prefix)).equals(network);
    }

    /** The entry as it was given. */
    @Override
    public String toString() {
        return text;
    }

    private static BigInteger mask(int bytes, int prefix) {
        int bits = bytes * 8;
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    /** A literal IPv4 or IPv6 address's bytes (4 or 16; an IPv4-mapped IPv6 address gives 4). */
    private static Optional<byte[]> literal(String text) {
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!text.contains(":") || !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // a literal: InetAddress parses it without a lookup
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
