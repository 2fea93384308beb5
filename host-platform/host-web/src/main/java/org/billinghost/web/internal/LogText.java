package org.billinghost.web.internal;

/**
 * Puts text a visitor typed (a login name, a path) into a log line: control characters are
 * escaped, so a CR/LF cannot start a forged line, and the text is cut to a length that keeps a
 * flood of long names from filling the log.
 */
public final class LogText {
    static final int MAX = 200;

    private LogText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        int i = 0;
        for (; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    // C0, DEL, C1 (NEL) and the Unicode line and paragraph separators also break lines somewhere
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return i < text.length() ? out + "..." : out.toString();
    }
}
