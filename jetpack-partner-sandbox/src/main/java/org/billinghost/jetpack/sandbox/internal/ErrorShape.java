package org.billinghost.jetpack.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two error bodies of the Partner API's REST endpoints: the one its documentation shows
 * ({@code error_code}/{@code error_message}) and the WordPress.com REST layer's ({@code error}/{@code message}).
 */
enum ErrorShape {
    ERROR_CODE("error_code", "error_message"),
    ERROR("error", "message");

    private final String codeField;
    private final String messageField;

    ErrorShape(String codeField, String messageField) {
        this.codeField = codeField;
        this.messageField = messageField;
    }

    /** By the name of its code field ({@code error_code} or {@code error}). */
    static ErrorShape of(String codeField) {
        for (ErrorShape shape : values()) {
            if (shape.codeField.equals(codeField == null ? "" : codeField.trim())) {
                return shape;
            }
        }
        throw new IllegalArgumentException("errorShape must be error_code or error");
    }

    ApiAnswer answer(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put(codeField, code);
        body.put(messageField, message);
        return ApiAnswer.json(status, body);
    }
}
