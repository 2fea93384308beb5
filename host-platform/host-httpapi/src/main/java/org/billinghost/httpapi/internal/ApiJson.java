package org.billinghost.httpapi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The API's JSON reader and writer. Reading is bounded by explicit limits well below the body
 * limit and refuses bytes after the value; decimals are read as {@code BigDecimal}, not double, so
 * that a large amount keeps its digits rather than becoming {@code 1.0E10}. Failures are described
 * in our words, since Jackson's own messages name its classes and settings.
 */
final class ApiJson {

    /** WHMCS parameters nest three levels at most ({@code pricing[currency][cycle]}). */
    static final int MAX_DEPTH = 16;
    /** A custom field name is at most 255 characters. */
    static final int MAX_NAME_LENGTH = 1000;
    static final int MAX_STRING_LENGTH = ApiServlet.MAX_BODY_BYTES / 4;
    /** Ids have 19 digits at most, amounts 13 characters. */
    static final int MAX_NUMBER_LENGTH = 32;

    private ApiJson() {
    }

    static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(ApiServlet.MAX_BODY_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * Our sentence for a JSON read failure: {@code subject} exceeds a limit, or else {@code malformed}
     * with where the reading stopped.
     */
    static String problem(JsonProcessingException e, String subject, String malformed) {
        if (e instanceof StreamConstraintsException) {
            return subject + " exceeds this API's limits: at most " + MAX_DEPTH + " levels of nesting, names of at most "
                    + MAX_NAME_LENGTH + " characters, texts of at most " + MAX_STRING_LENGTH
                    + " characters and numbers of at most " + MAX_NUMBER_LENGTH + " digits";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? malformed
                : malformed + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
