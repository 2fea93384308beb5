package org.billinghost.jetpack.internal.client;

/**
 * The two forms of a site URL the Partner API wants. Plain string work, no regular expressions: its
 * cost grows with the length of the value and nothing else.
 */
public final class SiteUrls {

    private SiteUrls() {
    }

    /** {@code https://example.com/blog/} → {@code example.com/blog}: no scheme, no trailing slash. */
    public static String clean(String siteUrl) {
        if (siteUrl == null) {
            return "";
        }
        String url = siteUrl.trim();
        int scheme = url.indexOf("://");
        if (scheme > 0 && isSchemeName(url.substring(0, scheme))) {
            url = url.substring(scheme + 3);
        }
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        return url.substring(0, end);
    }

    /** The site as a path segment of cancel and status: {@code example.com/demo/wp} → {@code example.com::demo::wp}. */
    public static String identifier(String siteUrl) {
        return clean(siteUrl).replace("/", "::");
    }

    /** RFC 3986: a letter, then letters, digits, {@code +}, {@code -} or {@code .}. */
    private static boolean isSchemeName(String name) {
        return isAsciiLetter(name.charAt(0)) && name.chars().allMatch(c -> isAsciiLetter(c) || (c >= '0' && c <= '9')
                || c == '+' || c == '-' || c == '.');
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
