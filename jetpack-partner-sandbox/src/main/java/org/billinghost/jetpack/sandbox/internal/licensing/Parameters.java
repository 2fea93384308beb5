package org.billinghost.jetpack.sandbox.internal.licensing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.billinghost.jetpack.sandbox.internal.ApiAnswer;
import org.billinghost.jetpack.sandbox.internal.FormFields;

/**
 * A call's parameters: the query and a form body, merged with the fields of a JSON object body (the Licensing API
 * documents query parameters, its OpenAPI spec and Automattic's client send JSON: both are accepted).
 * Parameters are read with a size limit each.
 */
record Parameters(Map<String, String> values) {

    /** @throws LicensingError for an unreadable or over-long body, or a parameter given twice with two values */
    static Parameters read(HttpServletRequest request, int maxBodyBytes) throws IOException {
        Map<String, String> values;
        try {
            values = new HashMap<>(FormFields.read(request));
        } catch (ServletException | IllegalStateException e) {
            // IllegalStateException: Jetty's answer to a multipart body over the size limit
            throw new LicensingError(400, "rest_invalid_param",
                    "The form body could not be read (urlencoded or multipart, at most " + maxBodyBytes + " bytes).");
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw new LicensingError(400, "rest_invalid_json", "The JSON body is over " + maxBodyBytes + " bytes.");
            }
            mergeJson(body, values);
        }
        return new Parameters(values);
    }

    private static void mergeJson(byte[] body, Map<String, String> values) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        JsonNode tree;
        try {
            tree = ApiAnswer.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LicensingError(400, "rest_invalid_json", "The body is not valid JSON.");
        } catch (IOException e) {
            throw new LicensingError(400, "rest_invalid_json", "The body could not be read.");
        }
        if (tree == null || !tree.isObject()) {
            throw new LicensingError(400, "rest_invalid_json", "The JSON body must be an object.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode node = field.getValue();
            if (node.isNull()) {
                continue;
            }
            if (!node.isValueNode()) {
                throw LicensingError.invalid(field.getKey(), "a string, number or boolean");
            }
            String previous = values.putIfAbsent(field.getKey(), node.asText());
            if (previous != null && !previous.equals(node.asText())) {
                throw LicensingError.invalid(field.getKey(), "given in the query and the body with different values");
            }
        }
    }

    /** Absent or empty: empty; longer than {@code maxLength}: refused before any other check. */
    Optional<String> optional(String name, int maxLength) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            throw LicensingError.invalid(name, "at most " + maxLength + " characters");
        }
        return Optional.of(value);
    }

    String required(String name, int maxLength) {
        return optional(name, maxLength).orElseThrow(() -> LicensingError.missing(name));
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    int number(String name, int min, int max, int fallback) {
        Optional<String> value = optional(name, 10);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw LicensingError.invalid(name, "a whole number from " + min + " to " + max);
    }

    /** One of {@code allowed} (exactly), or {@code fallback} when absent. */
    String oneOf(String name, List<String> allowed, String fallback) {
        Optional<String> value = optional(name, 64);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value.get())) {
            throw LicensingError.invalid(name, "one of " + String.join(", ", allowed));
        }
        return value.get();
    }
}
