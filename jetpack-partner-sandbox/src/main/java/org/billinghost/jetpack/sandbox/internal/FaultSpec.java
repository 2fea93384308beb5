package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fault as posted to {@code /_sandbox/faults}; absent fields take their defaults (see SANDBOX-NOTES).
 *
 * @param endpoint    the key of an {@link Endpoint} (e.g. {@code provision}, {@code license_issue}) or {@code *} (all)
 * @param count       how many calls the fault affects; {@code -1} = until cleared; default 1
 * @param probability chance that a matching call is affected while the count lasts; default 1
 * @param status      answer this HTTP status instead of processing the call
 * @param latencyMs   wait this long before answering (alone: the call is then processed normally)
 * @param drop        close the connection without answering
 * @param lost        process the call (it takes effect), then close the connection without answering
 * @param error       error code for the JSON body of a {@code status} fault
 * @param message     error text for the JSON body of a {@code status} fault
 * @param body        raw body of a {@code status} fault instead of JSON (may be empty)
 * @param contentType content type of {@code body}; default {@code text/html; charset=UTF-8}
 * @param retryAfter  seconds for a {@code Retry-After} header on a {@code status} fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FaultSpec(
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("count") Integer count,
        @JsonProperty("probability") Double probability,
        @JsonProperty("status") Integer status,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("drop") Boolean drop,
        @JsonProperty("lost") Boolean lost,
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("body") String body,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("retry_after") Integer retryAfter) {
}
