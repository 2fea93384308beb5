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
                Duration signupWarmup, Duration signupDuration, Path work, Path out, Set<String> parts,
                List<String> databases) {

    /** The parts of a run, in their order; {@code -Dbench.only} names some of them. */
    static final List<String> PARTS = List.of("startup", "checkout", "signups", "pages", "search", "automation");
    /** The databases the checkout and pages parts run on, in their order; {@code -Dbench.databases} names some. */
    static final List<String> DATABASES = List.of("h2", "postgresql");

    /** Every part, on every database. */
    static Settings of(String mode, Path work, Path out) {
        return of(mode, work, out, "", "");
    }

    /**
     * @param only comma-separated names of {@link #PARTS}; empty for all
     * @param databases comma-separated names of {@link #DATABASES}; empty for both
     */
    static Settings of(String mode, Path work, Path out, String only, String databases) {
        Set<String> parts = names("bench.only", only, PARTS);
        Set<String> dbs = names("bench.databases", databases, DATABASES);
        List<String> inOrder = DATABASES.stream().filter(dbs::contains).toList();
        return switch (mode) {
            // two throughput repeats per configuration: a full run then fits in about half an hour on 2 cores
            case "full" -> new Settings(mode, 5, 2, 2000, 32, 100_000, 500_000, 200, 100_000, 32, Duration.ofSeconds(20),
                    Duration.ofSeconds(60), work, out, parts, inOrder);
            // every figure, at sizes that keep mvn verify short: each checkout configuration starts a host
            // and registers one API client per concurrent caller (a slow password hash each)
            case "quick" -> new Settings(mode, 1, 1, 32, 4, 1_000, 2_000, 10, 1_000, 2, Duration.ofSeconds(1),
                    Duration.ofSeconds(2), work, out, parts, inOrder);
            default -> throw new IllegalArgumentException("bench.mode must be quick or full, got " + mode);
        };
    }

    /** The named ones of {@code known} ({@code property}'s value, comma-separated), all when it is empty. */
    private static Set<String> names(String property, String value, List<String> known) {
        Set<String> named = value == null || value.isBlank() ? Set.copyOf(known)
                : Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
        if (!known.containsAll(named)) {
            throw new IllegalArgumentException(property + " names some of " + known + ", got " + value);
        }
        return named;
    }

    boolean runs(String part) {
        return parts.contains(part);
    }
}
