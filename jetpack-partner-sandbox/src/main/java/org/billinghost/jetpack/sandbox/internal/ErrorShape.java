package org.billinghost.jetpack.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error bodies: the two of the Partner API's REST endpoints, the one its documentation shows
 * ({@code error_code}/{@code error_message}) and the WordPress.com REST layer's ({@code error}/{@code message}),
 * and the Licensing API's ({@code code}/{@code message}), which is not configurable.
 */
public enum ErrorShape {
    ERROR_CODE("error_code", "error_message"),
    ERROR("error", "message"),
    LICENSING("code", "message");

    private static final List<ErrorShape> CONFIGURABLE = List.of(ERROR_CODE, ERROR);

    private final String codeField;
    private final String messageField;

    ErrorShape(String codeField, String messageField) {
        this.codeField = codeField;
        this.messageField = messageField;
    }

    /** The Partner API's shape by the name of its code field ({@code error_code} or {@code error}). */
    static ErrorShape of(String codeField) {
        for (ErrorShape shape : CONFIGURABLE) {
            if (shape.codeField.equals(codeField == null ? "" : codeField.trim())) {
                return shape;
            }
        }
        throw new IllegalArgumentException("errorShape must be error_code or error");
    }

    public ApiAnswer answer(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put(codeField, code);
        body.put(messageField, message);
        return ApiAnswer.json(status, body);
    }
}
