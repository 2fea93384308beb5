package org.billinghost.httpapi.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The parameters of one API call with typed getters that refuse bad input with a precise message.
 *
 * <p>Form fields and JSON bodies are normalised to one shape: top-level names in lower case (PHP
 * clients are not consistent about {@code moduleType} vs {@code moduletype}); values are a String,
 * a List (from {@code name[]} fields or JSON arrays) or a Map (from {@code name[key]} fields or
 * JSON objects). JSON numbers and booleans are kept and read back as text.
 */
public final class ApiRequest {

    /** The money columns are DECIMAL(12,2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
    private static final int MAX_AMOUNT_CHARS = 20;

    private final Map<String, Object> params;
    private final boolean json;

    private ApiRequest(Map<String, Object> params, boolean json) {
        this.params = params;
        this.json = json;
    }

    /** From servlet form parameters ({@code pid[]=1&pid[]=2}, {@code pid[0]=1}, {@code parameters[email]=x}). */
    public static ApiRequest fromForm(Map<String, String[]> form) {
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<String, String[]> e : form.entrySet()) {
            putFormField(params, e.getKey(), e.getValue());
        }
        return new ApiRequest(params, false);
    }

    /** From a parsed JSON object body. */
    public static ApiRequest fromJson(Map<String, Object> body) {
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<String, Object> e : body.entrySet()) {
            params.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        return new ApiRequest(params, true);
    }

    private static void putFormField(Map<String, Object> params, String rawName, String[] values) {
        int bracket = rawName.indexOf('[');
        if (bracket <= 0 || !rawName.endsWith("]")) {
            params.put(rawName.toLowerCase(Locale.ROOT), values.length == 1 ? values[0] : List.of(values));
            return;
        }
        String name = rawName.substring(0, bracket).toLowerCase(Locale.ROOT);
        String key = rawName.substring(bracket + 1, rawName.length() - 1);
        if (key.isEmpty()) {
            List<Object> list = new ArrayList<>(List.of(values));
            params.merge(name, list, ApiRequest::mergeList);
            return;
        }
        // Only one level of [key]: nested keys stay part of the key ("a][b"), never needed by WHMCS actions.
        Object existing = params.get(name);
        Map<String, Object> map;
        if (existing instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) existing;
            map = m;
        } else {
            map = new LinkedHashMap<>();
            if (existing != null) {
                map.put("", existing);
            }
            params.put(name, map);
        }
        map.put(key, values.length == 1 ? values[0] : List.of(values));
    }

    private static Object mergeList(Object old, Object added) {
        List<Object> list = new ArrayList<>();
        if (old instanceof List<?> l) {
            list.addAll(l);
        } else {
            list.add(old);
        }
        list.addAll((List<?>) added);
        return list;
    }

    /** Whether the call came as a JSON body (objects are then real objects, not {@code name[key]} fields). */
    public boolean isJson() {
        return json;
    }

    public boolean has(String name) {
        Object v = params.get(name);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    /** The names of the parameters sent, in lower case (WHMCS's numbered ones, {@code itemdescription1}, …). */
    public Set<String> names() {
        return Collections.unmodifiableSet(params.keySet());
    }

    /** The raw value (String, Number, Boolean, List or Map), or null. */
    public Object raw(String name) {
        return params.get(name);
    }

    /** A required single text value, trimmed. */
    public String string(String name) {
        return optString(name).orElseThrow(() -> ApiError.invalid("Missing required parameter: " + name));
    }

    public Optional<String> optString(String name) {
        Object v = params.get(name);
        if (v == null) {
            return Optional.empty();
        }
        String s = scalar(v, name).trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * A single text value exactly as sent (not trimmed), or empty when absent or empty: secrets are
     * compared as they are, so a trailing space or NUL does not match.
     */
    public Optional<String> rawString(String name) {
        Object v = params.get(name);
        return v == null ? Optional.empty() : Optional.of(scalar(v, name)).filter(s -> !s.isEmpty());
    }

    public String string(String name, String defaultValue) {
        return optString(name).orElse(defaultValue);
    }

    /** Refuses the first of {@code names} that was sent: a WHMCS parameter this host does not apply. */
    public void refuseUnsupported(String... names) {
        for (String name : names) {
            if (has(name)) {
                throw ApiError.invalid("Parameter " + name + " is not supported by this host");
            }
        }
    }

    /**
     * Refuses the switch {@code name} set to the opposite of {@code hostDoes}, what this host always does
     * ({@code why} says what that is); absent or set to {@code hostDoes} it is accepted, being what happens.
     */
    public void refuseSwitchOtherThan(String name, boolean hostDoes, String why) {
        if (bool(name, hostDoes) != hostDoes) {
            throw ApiError.invalid("Parameter " + name + "=" + (hostDoes ? "false" : "true")
                    + " is not supported by this host: " + why);
        }
    }

    /** A required positive id. */
    public long id(String name) {
        return optId(name).orElseThrow(() -> ApiError.invalid("Missing required parameter: " + name));
    }

    public OptionalLong optId(String name) {
        Optional<String> s = optString(name);
        return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(parseId(s.get(), name));
    }

    /** A whole number within bounds, or the default when absent. */
    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> s = optString(name);
        if (s.isEmpty()) {
            return defaultValue;
        }
        int v;
        try {
            v = Integer.parseInt(s.get());
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Parameter " + name + " must be a whole number, got '" + shorten(s.get()) + "'");
        }
        if (v < min || v > max) {
            throw ApiError.invalid("Parameter " + name + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    public boolean bool(String name, boolean defaultValue) {
        Optional<String> s = optString(name);
        if (s.isEmpty()) {
            return defaultValue;
        }
        return switch (s.get().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw ApiError.invalid("Parameter " + name + " must be true or false, got '"
                    + shorten(s.get()) + "'");
        };
    }

    /** A calendar day {@code yyyy-MM-dd} (WHMCS's form), or empty when absent. */
    public Optional<LocalDate> optDate(String name) {
        return optString(name).map(text -> {
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException e) {
                // answered below
            }
            throw ApiError.invalid("Parameter " + name + " must be a date like 2027-01-31, got '" + shorten(text) + "'");
        });
    }

    /** A non-negative amount with at most two decimals that fits the money columns. */
    public Optional<BigDecimal> optAmount(String name) {
        Optional<String> s = optString(name);
        return s.map(text -> amount(text, name));
    }

    /**
     * Parses an amount in plain decimal notation (digits, then optionally a point and one or two
     * decimals) from 0 to {@link #MAX_AMOUNT}; {@code name} is for the message. No exponents
     * ({@code 1e2}), signs or digits of other scripts, which {@link BigDecimal} would accept.
     */
    public static BigDecimal amount(String text, String name) {
        String t = text.trim();
        // refused before any parsing: 13 characters fit the columns, the rest leaves room for leading zeros
        if (t.length() > MAX_AMOUNT_CHARS || t.startsWith("-")) {
            throw ApiError.invalid("Parameter " + name + " must be a non-negative amount of at most "
                    + MAX_AMOUNT.toPlainString() + ", got '" + shorten(text) + "'");
        }
        int point = t.indexOf('.');
        int whole = point < 0 ? t.length() : point;
        int decimals = point < 0 ? 0 : t.length() - point - 1;
        if (whole == 0 || point >= 0 && decimals == 0 || !digits(t, 0, whole) || !digits(t, whole + 1, t.length())) {
            throw ApiError.invalid("Parameter " + name + " must be an amount like 12.50, got '" + shorten(text) + "'");
        }
        if (decimals > 2) {
            throw ApiError.invalid("Parameter " + name + " must be a non-negative amount with at most two decimals");
        }
        BigDecimal v = new BigDecimal(t);
        if (v.compareTo(MAX_AMOUNT) > 0) {
            throw ApiError.invalid("Parameter " + name + " must be a non-negative amount of at most "
                    + MAX_AMOUNT.toPlainString() + ", got '" + shorten(text) + "'");
        }
        return v;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number of entries of a list parameter, counted without reading them. */
    public int entries(String name) {
        Object v = params.get(name);
        if (v == null) {
            return 0;
        }
        return v instanceof List<?> l ? l.size() : v instanceof Map<?, ?> m ? m.size() : 1;
    }

    /**
     * A list: {@code name[]} fields, {@code name[0]}, {@code name[1]}… fields (ordered by index),
     * a JSON array, or one plain value (a list of one). Elements may be null in JSON lists.
     */
    public List<Object> list(String name) {
        Object v = params.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?> m) {
            TreeMap<Integer, Object> byIndex = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                try {
                    byIndex.put(Integer.parseInt(String.valueOf(e.getKey())), e.getValue());
                } catch (NumberFormatException ex) {
                    throw ApiError.invalid("Parameter " + name + " must be a list; found key '"
                            + shorten(String.valueOf(e.getKey())) + "'");
                }
            }
            return new ArrayList<>(byIndex.values());
        }
        return List.of(v);
    }

    /** A list of positive ids (e.g. {@code pid[]}). */
    public List<Long> ids(String name) {
        List<Object> raw = list(name);
        List<Long> ids = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String where = name + "[" + i + "]";
            Object v = raw.get(i);
            if (v == null) {
                throw ApiError.invalid("Parameter " + where + " must be a positive whole number");
            }
            ids.add(parseId(scalar(v, where).trim(), where));
        }
        return ids;
    }

    /** Text values keyed by name: {@code name[key]=value} fields or a JSON object. */
    public Map<String, String> stringMap(String name) {
        Object v = params.get(name);
        if (v == null || v instanceof String s && s.isBlank()) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw ApiError.invalid("Parameter " + name + " must be a set of " + name + "[key]=value fields or a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, e.getValue() == null ? "" : scalar(e.getValue(), name + "[" + key + "]"));
        }
        return out;
    }

    static String scalar(Object v, String name) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw ApiError.invalid("Parameter " + name + " must be a single value, not a list or an object");
    }

    private static long parseId(String s, String name) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Parameter " + name + " must be a positive whole number, got '" + shorten(s) + "'");
        }
        if (v <= 0) {
            throw ApiError.invalid("Parameter " + name + " must be a positive whole number, got " + v);
        }
        return v;
    }

    /**
     * Echoing input back is useful, echoing a megabyte is not. Control characters (and the Unicode
     * line separators) come out as a backslash, {@code u} and four hex digits, so that a value written
     * to the log cannot start a line of its own.
     */
    public static String shorten(String s) {
        return printable(s, 40);
    }

    /** Text for the log: at most {@code max} characters, control characters escaped. */
    public static String printable(String s, int max) {
        // a cut between the halves of a surrogate pair would leave half a character
        int end = s.length() <= max ? s.length() : Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        StringBuilder out = new StringBuilder(end + 1);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return end < s.length() ? out.append('…').toString() : out.toString();
    }
}
