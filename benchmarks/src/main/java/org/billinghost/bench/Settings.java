package org.billinghost.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Sizes of one benchmark run. {@code quick} keeps the harness working inside {@code mvn verify};
 * {@code full} gives the README's figures (issue 8's sizes).
 */
record Settings(String mode, int startupRuns, int throughputRepeats, int orders, int concurrency,
                int seedClients, int seedActivity, int pageSamples, int automationServices, int signupConcurrency,
                Duration signupWarmup, Duration signupDuration, Path work, Path out) {

    static Settings of(String mode, Path work, Path out) {
        return switch (mode) {
            // two throughput repeats per configuration: a full run then fits in about half an hour on 2 cores
            case "full" -> new Settings(mode, 5, 2, 2000, 32, 100_000, 500_000, 200, 100_000, 32, Duration.ofSeconds(20),
                    Duration.ofSeconds(60), work, out);
            // every figure, at sizes that keep mvn verify short: each checkout configuration starts a host
            // and registers one API client per concurrent caller (a slow password hash each)
            case "quick" -> new Settings(mode, 1, 1, 32, 4, 1_000, 2_000, 10, 1_000, 2, Duration.ofSeconds(1),
                    Duration.ofSeconds(2), work, out);
            default -> throw new IllegalArgumentException("bench.mode must be quick or full, got " + mode);
        };
    }
}
