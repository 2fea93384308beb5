package org.billinghost.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sizes of one benchmark run. {@code quick} keeps the harness working inside {@code mvn verify};
 * {@code full} gives the README's figures (issue 8's sizes).
 */
record Settings(String mode, int startupRuns, int throughputRepeats, int orders, int concurrency,
                int seedClients, int seedActivity, int pageSamples, int automationServices, int signupConcurrency,
                Duration signupWarmup, Duration signupDuration, Path work, Path out, Set<String> parts) {

    /** The parts of a run, in their order; {@code -Dbench.only} names some of them. */
    static final List<String> PARTS = List.of("startup", "checkout", "signups", "pages", "search", "automation");

    /** Every part. */
    static Settings of(String mode, Path work, Path out) {
        return of(mode, work, out, "");
    }

    /** @param only comma-separated names of {@link #PARTS}; empty for all */
    static Settings of(String mode, Path work, Path out, String only) {
        Set<String> parts = only == null || only.isBlank() ? Set.copyOf(PARTS)
                : Arrays.stream(only.split(",")).map(String::strip).collect(Collectors.toSet());
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("bench.only names parts of " + PARTS + ", got " + only);
        }
        return switch (mode) {
            // two throughput repeats per configuration: a full run then fits in about half an hour on 2 cores
            case "full" -> new Settings(mode, 5, 2, 2000, 32, 100_000, 500_000, 200, 100_000, 32, Duration.ofSeconds(20),
                    Duration.ofSeconds(60), work, out, parts);
            // every figure, at sizes that keep mvn verify short: each checkout configuration starts a host
            // and registers one API client per concurrent caller (a slow password hash each)
            case "quick" -> new Settings(mode, 1, 1, 32, 4, 1_000, 2_000, 10, 1_000, 2, Duration.ofSeconds(1),
                    Duration.ofSeconds(2), work, out, parts);
            default -> throw new IllegalArgumentException("bench.mode must be quick or full, got " + mode);
        };
    }

    boolean runs(String part) {
        return parts.contains(part);
    }
}
