package org.billinghost.httpapi.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answer as WHMCS writes it for {@code responsetype=xml}: the declaration, a {@code <whmcsapi version="...">}
 * root, {@code <action>} with the action as sent, then the answer's fields in order. A nested object becomes an
 * element with its fields as children; a list becomes its name repeated once per entry, so that JSON's
 * {@code "clients":{"client":[a,b]}} reads {@code <clients><client>a</client><client>b</client></clients>}. A key
 * that cannot be an element name (a digit first, a space) is written {@code <item key="...">}. Text is escaped, and
 * characters XML 1.0 cannot carry (most control characters) become U+FFFD.
 * <p>
 * A writer of our own rather than Jackson's XML module: that module needs three more bundles (itself, Woodstox,
 * Stax2) and annotations or a custom serializer for the root's attribute and the repeated list elements, while the
 * answers are only maps, lists and scalars.
 */
final class ApiXml {

    /** ASCII names only: what every XML parser accepts, and what WHMCS's field names are. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private ApiXml() {
    }

    static byte[] write(String version, String action, Map<String, Object> body) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<whmcsapi version=\"");
        text(out, version, true);
        out.append("\">\n");
        element(out, "action", action);
        body.forEach((name, value) -> element(out, name, value));
        out.append("</whmcsapi>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder out, String name, Object value) {
        if (value instanceof Collection<?> list) {
            list.forEach(entry -> element(out, name, entry));
            return;
        }
        boolean plain = NAME.matcher(name).matches() && !name.regionMatches(true, 0, "xml", 0, 3);
        if (plain) {
            out.append('<').append(name).append('>');
        } else {
            out.append("<item key=\"");
            text(out, name, true);
            out.append("\">");
        }
        if (value instanceof Map<?, ?> map) {
            out.append('\n');
            map.forEach((k, v) -> element(out, String.valueOf(k), v));
        } else if (value != null) {
            text(out, String.valueOf(value), false);
        }
        out.append("</").append(plain ? name : "item").append(">\n");
    }

    private static void text(StringBuilder out, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
    }

    /** XML 1.0's Char production for one UTF-16 unit; paired surrogates are handled by the caller. */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
