package org.billinghost.jetpack.sandbox.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The form fields of a call, from an urlencoded or a multipart body (first value of each field). */
public final class FormFields {

    private FormFields() {
    }

    /**
     * @throws IOException      when the body cannot be read
     * @throws ServletException when a multipart body is malformed or too large
     */
    public static Map<String, String> read(HttpServletRequest request) throws IOException, ServletException {
        Map<String, String> fields = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                fields.put(name, values[0]);
            }
        });
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() == null) {
                    try (InputStream in = part.getInputStream()) {
                        fields.putIfAbsent(part.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return fields;
    }
}
