package org.billinghost.jetpack.sandbox.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A site as the Partner API names it: the URL without scheme and trailing slashes, host in lower case.
 *
 * @param host host name in lower case, with the port if one was given
 * @param path empty, or the path starting with {@code /} (no trailing slash)
 */
public record SiteAddress(String host, String path) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");
    private static final Pattern SEGMENT = Pattern.compile("[^\\s/?#\\\\:]+");
    private static final String IDENTIFIER_SEPARATOR = "::";
    /** Longest site URL or identifier read, as the Partner API bounds it: checked before any pattern runs. */
    public static final int MAX_LENGTH = 2_000;
    /** Longest host name (RFC 1035), plus room for a port. */
    static final int MAX_HOST_LENGTH = 253 + ":65535".length();

    /** Parses the {@code siteurl} field of a provision call; a scheme and trailing slashes are tolerated. */
    public static Optional<SiteAddress> fromSiteUrl(String siteurl) {
        if (siteurl == null || siteurl.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String url = SCHEME.matcher(siteurl.trim()).replaceFirst("");
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        int slash = url.indexOf('/');
        return slash < 0 ? of(url, new String[0]) : of(url.substring(0, slash), url.substring(slash + 1).split("/", -1));
    }

    /** Parses the {@code {site}} part of a path: {@code example.com::demo::wp}. */
    public static Optional<SiteAddress> fromIdentifier(String identifier) {
        if (identifier.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = identifier.split(IDENTIFIER_SEPARATOR, -1);
        String[] segments = new String[parts.length - 1];
        System.arraycopy(parts, 1, segments, 0, segments.length);
        return of(parts[0], segments);
    }

    private static Optional<SiteAddress> of(String host, String[] segments) {
        String lowerHost = host.toLowerCase(Locale.ROOT);
        if (lowerHost.length() > MAX_HOST_LENGTH || !HOST.matcher(lowerHost).matches()) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.empty();
            }
            path.append('/').append(segment);
        }
        return Optional.of(new SiteAddress(lowerHost, path.toString()));
    }

    /** {@code example.com::demo::wp}: how the site appears in cancel and status paths. */
    public String identifier() {
        return host + path.replace("/", IDENTIFIER_SEPARATOR);
    }

    /** {@code example.com/demo/wp}. */
    public String url() {
        return host + path;
    }

    /** Hosts under the reserved {@code .invalid} top-level domain never resolve (RFC 2606). */
    public boolean resolves() {
        String name = host.replaceFirst(":[0-9]+$", "");
        return !name.equals("invalid") && !name.endsWith(".invalid");
    }
}
