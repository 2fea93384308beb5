package org.billinghost.httpapi.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.billinghost.httpapi.internal.php.PhpSerializedException;
import org.billinghost.httpapi.internal.php.PhpUnserializer;

/**
 * Decodes the {@code customfields} parameter of AddOrder and UpdateClientProduct into values keyed
 * by custom field id (decimal) or name.
 *
 * <p>Accepted forms: what WHMCS clients send, {@code base64_encode(serialize(array(ID => "value")))};
 * base64 of a JSON object; a JSON object as text; and (in JSON request bodies) a JSON object itself.
 */
public final class CustomFieldValues {

    private CustomFieldValues() {
    }

    /** @param where names the parameter in error messages, e.g. {@code customfields[0]} */
    public static Map<String, String> decode(Object raw, String where, ObjectMapper json) {
        if (raw == null) {
            return Map.of();
        }
        if (raw instanceof Map<?, ?> map) {
            return scalars(map, where);
        }
        if (!(raw instanceof String text)) {
            throw ApiError.invalid(where + " must be a base64-encoded PHP-serialised array or a JSON object");
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return Map.of();
        }
        if (trimmed.startsWith("{")) {
            return fromJson(trimmed, where, json);
        }
        byte[] decoded;
        try {
            // base64 has no spaces: a space is a '+' that a client forgot to URL-encode
            decoded = Base64.getDecoder().decode(trimmed.replace("\r", "").replace("\n", "").replace(' ', '+'));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid(where + " is not valid base64: " + e.getMessage());
        }
        if (decoded.length > 0 && decoded[0] == '{') {
            return fromJson(new String(decoded, StandardCharsets.UTF_8), where, json);
        }
        try {
            return scalars(PhpUnserializer.parseArray(decoded), where);
        } catch (PhpSerializedException e) {
            throw ApiError.invalid(where + " is not a valid PHP-serialised array: " + e.getMessage());
        }
    }

    private static Map<String, String> fromJson(String text, String where, ObjectMapper json) {
        try {
            return scalars(json.readValue(text, Map.class), where);
        } catch (JsonProcessingException e) {
            throw ApiError.invalid(ApiJson.problem(e, where, where + " is not a valid JSON object"));
        }
    }

    private static Map<String, String> scalars(Map<?, ?> map, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey()).trim();
            if (key.isEmpty()) {
                throw ApiError.invalid(where + " has an empty custom field key");
            }
            values.put(key, scalar(e.getValue(), where + "[" + key + "]"));
        }
        return values;
    }

    /** Tick boxes arrive as PHP/JSON booleans; WHMCS stores a ticked box as "on". */
    private static String scalar(Object value, String where) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "on" : "";
        }
        if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        throw ApiError.invalid(where + " must be a string or a number");
    }
}
