package org.billinghost.jetpack.addon.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message box of an addon page as template data; {@code templates/macros.ftlh} renders it, and
 * the template engine escapes every text, so callers pass plain text.
 */
final class Alert {
    enum Kind { SUCCESS, INFO, WARNING, DANGER }

    private Alert() {
    }

    static Map<String, Object> of(Kind kind, String text) {
        return box(kind, text, "", "", "");
    }

    /** The text followed by a link. */
    static Map<String, Object> withLink(Kind kind, String text, String href, String linkText) {
        return box(kind, text, href, linkText, "");
    }

    /** The text followed by more plain text (e.g. a URL that must not become a link). */
    static Map<String, Object> withText(Kind kind, String text, String tail) {
        return box(kind, text, "", "", tail);
    }

    static List<Map<String, Object>> none() {
        return List.of();
    }

    private static Map<String, Object> box(Kind kind, String text, String href, String linkText, String tail) {
        return Map.of("kind", kind.name().toLowerCase(Locale.ROOT), "text", text, "href", href, "linkText", linkText,
                "tail", tail);
    }
}
