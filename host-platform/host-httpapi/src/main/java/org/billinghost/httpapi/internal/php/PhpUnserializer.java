package org.billinghost.httpapi.internal.php;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict parser for the output of PHP's {@code serialize()} limited to data: arrays, strings,
 * integers, floats, booleans and null. Objects ({@code O:}, {@code C:}) and references
 * ({@code r:}, {@code R:}) are refused, because WHMCS clients only ever send arrays of scalars
 * (AddOrder's {@code customfields}) and objects would be a way to smuggle in structure nobody
 * checks. Works on bytes because PHP counts string lengths in bytes (UTF-8 here).
 *
 * <p>Results: {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@code null}, or a
 * {@link LinkedHashMap} whose keys are {@link Long} or {@link String} (PHP arrays keep their order).
 */
public final class PhpUnserializer {

    /** Deep nesting is never needed for form data and would only cost stack. */
    private static final int MAX_DEPTH = 16;
    /** An element count that cannot fit in the input is refused before any allocation. */
    private static final int MIN_ELEMENT_BYTES = 4;

    private final byte[] in;
    private int pos;

    private PhpUnserializer(byte[] in) {
        this.in = in;
    }

    /** Parses one serialised value that must use all of {@code input}. */
    public static Object parse(String input) {
        return parse(input.getBytes(StandardCharsets.UTF_8));
    }

    public static Object parse(byte[] input) {
        PhpUnserializer p = new PhpUnserializer(input);
        if (input.length == 0) {
            throw new PhpSerializedException("Empty PHP-serialised data", 0);
        }
        Object value = p.value(0);
        if (p.pos != input.length) {
            throw new PhpSerializedException("Unexpected data after the serialised value", p.pos);
        }
        return value;
    }

    /** Parses a serialised array (the only top-level form WHMCS clients send). */
    public static Map<Object, Object> parseArray(byte[] input) {
        Object value = parse(input);
        if (!(value instanceof Map<?, ?>)) {
            throw new PhpSerializedException("Expected a serialised array (a:N:{...})", 0);
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) value;
        return map;
    }

    private Object value(int depth) {
        int start = pos;
        byte type = next("a type letter");
        switch (type) {
            case 'N':
                expect(';');
                return null;
            case 'b': {
                expect(':');
                long v = integer(';');
                if (v != 0 && v != 1) {
                    throw new PhpSerializedException("Boolean must be 0 or 1", start);
                }
                return v == 1;
            }
            case 'i':
                expect(':');
                return integer(';');
            case 'd':
                expect(':');
                return decimal();
            case 's':
                expect(':');
                return string();
            case 'a':
                if (depth >= MAX_DEPTH) {
                    throw new PhpSerializedException("Arrays nested deeper than " + MAX_DEPTH, start);
                }
                expect(':');
                return array(depth);
            case 'O', 'C':
                throw new PhpSerializedException("Serialised objects are not accepted", start);
            case 'r', 'R':
                throw new PhpSerializedException("Serialised references are not accepted", start);
            default:
                throw new PhpSerializedException("Unknown type '" + printable(type) + "'", start);
        }
    }

    private Map<Object, Object> array(int depth) {
        int start = pos;
        long count = integer(':');
        if (count < 0 || count > (long) (in.length - pos) / MIN_ELEMENT_BYTES) {
            throw new PhpSerializedException("Array element count " + count + " does not fit the data", start);
        }
        expect('{');
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            int keyAt = pos;
            Object key = value(depth + 1);
            if (!(key instanceof Long) && !(key instanceof String)) {
                throw new PhpSerializedException("Array keys must be integers or strings", keyAt);
            }
            if (map.containsKey(key)) {
                throw new PhpSerializedException("Duplicate array key " + key, keyAt);
            }
            map.put(key, value(depth + 1));
        }
        expect('}');
        return map;
    }

    private String string() {
        int start = pos;
        long length = integer(':');
        if (length < 0 || length > in.length - pos - 3) {
            throw new PhpSerializedException("String length " + length + " runs past the end of the data", start);
        }
        expect('"');
        String s = new String(in, pos, (int) length, StandardCharsets.UTF_8);
        pos += (int) length;
        expect('"');
        expect(';');
        return s;
    }

    /** A decimal integer (optionally signed) up to the terminator. */
    private long integer(char terminator) {
        int start = pos;
        boolean negative = false;
        if (pos < in.length && (in[pos] == '-' || in[pos] == '+')) {
            negative = in[pos] == '-';
            pos++;
        }
        long value = 0;
        int digits = 0;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            if (digits == 18) {
                throw new PhpSerializedException("Integer too large", start);
            }
            value = value * 10 + (in[pos] - '0');
            digits++;
            pos++;
        }
        if (digits == 0) {
            throw new PhpSerializedException("Expected a number", start);
        }
        expect(terminator);
        return negative ? -value : value;
    }

    private Double decimal() {
        int start = pos;
        while (pos < in.length && in[pos] != ';') {
            pos++;
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        expect(';');
        return switch (text) {
            case "INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            case "NAN" -> Double.NaN;
            default -> {
                if (!text.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                    throw new PhpSerializedException("Malformed float '" + text + "'", start);
                }
                yield Double.valueOf(text);
            }
        };
    }

    private byte next(String what) {
        if (pos >= in.length) {
            throw new PhpSerializedException("Unexpected end of data, expected " + what, pos);
        }
        return in[pos++];
    }

    private void expect(char c) {
        int at = pos;
        byte b = next("'" + c + "'");
        if (b != c) {
            throw new PhpSerializedException("Expected '" + c + "' but found '" + printable(b) + "'", at);
        }
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }
}
