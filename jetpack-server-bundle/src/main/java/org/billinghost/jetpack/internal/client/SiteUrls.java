package org.billinghost.jetpack.internal.client;

import java.util.regex.Pattern;

/** The two forms of a site URL the Partner API wants. */
public final class SiteUrls {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    private SiteUrls() {
    }

    /** {@code https://example.com/blog/} → {@code example.com/blog}: no scheme, no trailing slash. */
    public static String clean(String siteUrl) {
        if (siteUrl == null) {
            return "";
        }
        String withoutScheme = SCHEME.matcher(siteUrl.trim()).replaceFirst("");
        return TRAILING_SLASHES.matcher(withoutScheme).replaceFirst("");
    }

    /** The site as a path segment of cancel and status: {@code example.com/demo/wp} → {@code example.com::demo::wp}. */
    public static String identifier(String siteUrl) {
        return clean(siteUrl).replace("/", "::");
    }
}
