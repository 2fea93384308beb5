package org.billinghost.jetpack.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * What one HTTP exchange with the Partner API gave: an answer (status and body), or trouble that
 * prevented a complete answer.
 *
 * @param json        the body as a JSON object, null when the body is empty, cut short, not JSON or another
 *                    JSON value (an array, a number...)
 * @param otherJson   the body is complete JSON but not an object: an answer of a shape no call has
 * @param retryAfter  the answer's {@code Retry-After}, null when absent
 * @param trouble     null for an answer; otherwise why there is none
 * @param detail      a short description of the trouble or of the body's content type
 * @param requestId   the answer's {@code X-Jetpack-Request-Id} (the Licensing API sends one), empty when absent
 */
record Reply(int status, String body, JsonNode json, boolean otherJson, Duration retryAfter, Trouble trouble,
             String detail, String requestId) {

    enum Trouble {
        /** Connect, read or call time-out. */
        TIMEOUT,
        /** Connection refused or dropped, unknown host, answer cut short. */
        CONNECTION
    }

    /** {@code parsed}: the body read as JSON, null when it is not JSON. */
    static Reply answer(int status, String body, JsonNode parsed, Duration retryAfter, String contentType,
                        String requestId) {
        boolean object = parsed != null && parsed.isObject();
        return new Reply(status, body, object ? parsed : null, parsed != null && !object, retryAfter, null, contentType,
                requestId == null ? "" : requestId);
    }

    static Reply trouble(Trouble trouble, String detail) {
        return new Reply(0, "", null, false, null, trouble, detail, "");
    }

    boolean answered() {
        return trouble == null;
    }

    boolean successful() {
        return answered() && status >= 200 && status < 300;
    }

    /** The first non-blank text among the JSON fields, or an empty string. */
    String text(String... fields) {
        if (json == null) {
            return "";
        }
        for (String field : fields) {
            JsonNode node = json.get(field);
            if (node != null && !node.isNull() && !node.isContainerNode() && !node.asText().isBlank()) {
                return node.asText().trim();
            }
        }
        return "";
    }

    /** A field that is a non-blank JSON string, or an empty string: {@code false}, null or a number is no text. */
    static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText().trim() : "";
    }

    /** The API's error code ({@code error_code} or {@code error}). */
    String errorCode() {
        return text("error_code", "error");
    }

    /** The API's error text ({@code error_description} of the token endpoint, else {@code error_message} or {@code message}). */
    String errorMessage() {
        return text("error_description", "error_message", "message");
    }

    boolean flag(String field) {
        return json != null && json.path(field).asBoolean(false);
    }
}
