package org.billinghost.api.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks a web address as customers type it ({@code example.com}, {@code https://example.com:8443/blog}):
 * an optional {@code http://} or {@code https://}, a host name of at least two labels, an optional
 * port from 1 to 65535 and an optional path; no user name or password, query or fragment. Surrounding
 * white space is ignored.
 *
 * <p>A hand-written parser with the lengths checked first, not a regular expression: its work grows
 * with the length of the value, which is bounded, and it cannot overflow the stack whatever it is given.
 * Custom fields of type {@link CustomFieldType#LINK} are checked with it.
 *
 * @since 2.0
 */
public final class WebAddress {
    /** The longest web address accepted, in characters. */
    public static final int MAX_LENGTH = 2_000;
    /** The longest host name (RFC 1035). */
    public static final int MAX_HOST_LENGTH = 253;
    /** The longest label of a host name (RFC 1035). */
    public static final int MAX_LABEL_LENGTH = 63;

    /** RFC 3986 {@code pchar} and {@code /}, letters and digits aside. */
    private static final String PATH_PUNCTUATION = "-._~!$&'()*+,;=:@%/";

    private WebAddress() {
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** Why {@code value} is not a web address (a phrase to follow "is not a valid web address: "), or empty. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("it is empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        String rest = value.strip();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            String name = rest.substring(0, scheme).toLowerCase(Locale.ROOT);
            if (!name.equals("http") && !name.equals("https")) {
                return Optional.of("only http:// and https:// addresses are accepted");
            }
            rest = rest.substring(scheme + 3);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (authority.indexOf('@') >= 0) {
            return Optional.of("it must not contain a user name or password");
        }
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        Optional<String> problem = hostProblem(host);
        if (problem.isEmpty() && colon >= 0) {
            problem = portProblem(authority.substring(colon + 1));
        }
        return problem.isPresent() ? problem : pathProblem(path);
    }

    private static Optional<String> hostProblem(String host) {
        if (host.isEmpty()) {
            return Optional.of("the host name is missing");
        }
        if (host.length() > MAX_HOST_LENGTH) {
            return Optional.of("the host name is longer than " + MAX_HOST_LENGTH + " characters");
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("the host name needs at least two parts, e.g. example.com");
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                return Optional.of("each part of the host name has 1 to " + MAX_LABEL_LENGTH + " characters");
            }
            boolean letterDigitHyphen = label.chars().allMatch(c -> isAsciiAlphanumeric(c) || c == '-');
            if (!letterDigitHyphen || label.startsWith("-") || label.endsWith("-")) {
                return Optional.of("the host name has letters, digits and inner hyphens only");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> portProblem(String port) {
        boolean digits = !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            return Optional.of("the port must be a number from 1 to 65535");
        }
        return Optional.empty();
    }

    private static Optional<String> pathProblem(String path) {
        boolean allowed = path.chars().allMatch(c -> isAsciiAlphanumeric(c) || PATH_PUNCTUATION.indexOf(c) >= 0);
        return allowed ? Optional.empty()
                : Optional.of("the path has letters, digits and " + PATH_PUNCTUATION + " only (no spaces, ? or #)");
    }

    private static boolean isAsciiAlphanumeric(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
