package org.billinghost.jetpack.sandbox.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A fault as {@code /_sandbox/faults} lists it: the posted fields with defaults applied, plus its counters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FaultView(
        @JsonProperty("id") long id,
        @JsonProperty("endpoint") String endpoint,
        @JsonProperty("count") long count,
        @JsonProperty("remaining") long remaining,
        @JsonProperty("probability") double probability,
        @JsonProperty("status") Integer status,
        @JsonProperty("latency_ms") long latencyMs,
        @JsonProperty("drop") boolean drop,
        @JsonProperty("lost") boolean lost,
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("body") String body,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("retry_after") Integer retryAfter,
        @JsonProperty("fired") long fired) {
}
