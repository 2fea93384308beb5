package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP answer: status, content type, body bytes and extra headers. */
public record ApiAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final String JSON_TYPE = "application/json; charset=UTF-8";

    public static ApiAnswer json(int status, Object body) {
        try {
            return new ApiAnswer(status, JSON_TYPE, JSON.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            // only our own records and maps are written: failing here is a programming error
            throw new UncheckedIOException(e);
        }
    }

    static ApiAnswer raw(int status, String contentType, String body) {
        return new ApiAnswer(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The error shape of the sandbox's own endpoints: {@code {"error": code, "message": text}}. */
    public static ApiAnswer error(int status, String code, String message) {
        return ErrorShape.ERROR.answer(status, code, message);
    }

    /** The error shape of the OAuth2 token endpoint: {@code {"error": code, "error_description": text}}. */
    static ApiAnswer oauthError(int status, String code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return json(status, body);
    }

    /** The sandbox's own answer to a method a path does not take. */
    public static ApiAnswer methodNotAllowed(String allowed) {
        return error(405, "method_not_allowed", "Use " + allowed + ".").withHeader("Allow", allowed);
    }

    public ApiAnswer withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiAnswer(status, contentType, body, Map.copyOf(all));
    }
}
