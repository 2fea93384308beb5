package org.billinghost.jetpack.sandbox.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** A validated fault with its remaining count. Firing is lock-free. */
final class FaultRule {

    static final long UNLIMITED = -1;
    static final String ALL_ENDPOINTS = "*";
    static final long MAX_LATENCY_MS = 600_000;
    static final String DEFAULT_BODY_TYPE = "text/html; charset=UTF-8";

    private final long id;
    private final FaultSpec spec;
    private final Endpoint endpoint;
    private final long count;
    private final double probability;
    private final AtomicLong remaining;
    private final LongAdder fired = new LongAdder();

    private FaultRule(long id, FaultSpec spec, Endpoint endpoint, long count, double probability) {
        this.id = id;
        this.spec = spec;
        this.endpoint = endpoint;
        this.count = count;
        this.probability = probability;
        this.remaining = new AtomicLong(count);
    }

    /** @throws IllegalArgumentException with a message for the caller when the spec is not a usable fault */
    static FaultRule of(long id, FaultSpec spec) {
        String target = spec.endpoint();
        Endpoint endpoint = target == null ? null : Endpoint.byKey(target).orElse(null);
        require(endpoint != null || ALL_ENDPOINTS.equals(target),
                "endpoint must be one of " + Endpoint.keys() + " or *");
        long count = spec.count() == null ? 1 : spec.count();
        require(count == UNLIMITED || count >= 1, "count must be -1 (until cleared) or at least 1");
        double probability = spec.probability() == null ? 1.0 : spec.probability();
        require(probability > 0 && probability <= 1, "probability must be above 0 and at most 1");
        require(spec.status() == null || (spec.status() >= 200 && spec.status() <= 599),
                "status must be an HTTP status from 200 to 599");
        require(spec.latencyMs() == null || (spec.latencyMs() >= 0 && spec.latencyMs() <= MAX_LATENCY_MS),
                "latency_ms must be from 0 to " + MAX_LATENCY_MS);
        boolean drop = Boolean.TRUE.equals(spec.drop());
        boolean lost = Boolean.TRUE.equals(spec.lost());
        require(!(drop && spec.status() != null), "drop and status exclude each other");
        require(!(lost && (drop || spec.status() != null)), "lost excludes drop and status");
        require(drop || lost || spec.status() != null || latency(spec) > 0, "a fault needs status, drop, lost or latency_ms");
        require(spec.status() != null || (spec.error() == null && spec.message() == null && spec.body() == null
                        && spec.contentType() == null && spec.retryAfter() == null),
                "error, message, body, content_type and retry_after need status");
        require(spec.body() == null || (spec.error() == null && spec.message() == null), "body excludes error and message");
        require(spec.contentType() == null || spec.body() != null, "content_type needs body");
        require(spec.retryAfter() == null || spec.retryAfter() >= 0, "retry_after must be 0 or more seconds");
        return new FaultRule(id, spec, endpoint, count, probability);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static long latency(FaultSpec spec) {
        return spec.latencyMs() == null ? 0 : spec.latencyMs();
    }

    boolean appliesTo(Endpoint called) {
        return endpoint == null || endpoint == called;
    }

    /** Latency-only faults slow a call down and then let it be processed; the others replace its answer. */
    boolean replacesAnswer() {
        return drop() || lost() || spec.status() != null;
    }

    /**
     * Fires when {@code draw} (uniform in [0, 1)) falls under the probability and the count is not used up.
     */
    boolean tryFire(double draw) {
        if (draw >= probability) {
            return false;
        }
        if (count != UNLIMITED && remaining.getAndUpdate(left -> left > 0 ? left - 1 : 0) == 0) {
            return false;
        }
        fired.increment();
        return true;
    }

    long latencyMs() {
        return latency(spec);
    }

    boolean drop() {
        return Boolean.TRUE.equals(spec.drop());
    }

    /** The call is processed, then its answer is lost: the client cannot know that it took effect. */
    boolean lost() {
        return Boolean.TRUE.equals(spec.lost());
    }

    /** The answer of a status fault, shaped like the endpoint's own errors unless a raw body is given. */
    ApiAnswer answer(Endpoint called, ErrorShape errors) {
        int status = spec.status();
        ApiAnswer answer;
        if (spec.body() != null) {
            answer = ApiAnswer.raw(status, Optional.ofNullable(spec.contentType()).orElse(DEFAULT_BODY_TYPE), spec.body());
        } else {
            String code = Optional.ofNullable(spec.error()).orElse("sandbox_fault");
            String message = Optional.ofNullable(spec.message()).orElse("Fault injected by the sandbox: HTTP " + status);
            answer = switch (called.api()) {
                case OAUTH -> ApiAnswer.oauthError(status, code, message);
                case PARTNER -> errors.answer(status, code, message);
                case LICENSING -> ErrorShape.LICENSING.answer(status, code, message);
            };
        }
        return spec.retryAfter() == null ? answer : answer.withHeader("Retry-After", spec.retryAfter().toString());
    }

    FaultView view() {
        return new FaultView(id, spec.endpoint(), count, count == UNLIMITED ? UNLIMITED : remaining.get(), probability,
                spec.status(), latencyMs(), drop(), lost(), spec.error(), spec.message(), spec.body(), spec.contentType(),
                spec.retryAfter(), fired.sum());
    }
}
