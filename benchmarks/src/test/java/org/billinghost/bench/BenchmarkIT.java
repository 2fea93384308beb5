package org.billinghost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark harness ({@code -Dbench.mode}, quick inside {@code mvn verify}) so it cannot rot.
 * It checks that every figure was measured and written, never how fast anything was.
 */
class BenchmarkIT {
    @TempDir
    Path work;

    @Test
    void writesEveryFigure() throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target"));
        Settings settings = Settings.of(System.getProperty("bench.mode", "quick"), work, out,
                System.getProperty("bench.only", ""), System.getProperty("bench.databases", ""));
        Report report = new Benchmark(settings).run();

        JsonNode json = new ObjectMapper().readTree(out.resolve("bench-report.json").toFile());
        assertThat(json.path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(json.path("figures")).hasSize(report.figures().size());
        String markdown = Files.readString(out.resolve("bench-report.md"));
        Map<String, List<String>> sections = Map.of("startup", List.of("start-up", "memory"),
                "checkout", List.of("checkout h2, sandbox latency 0 ms", "checkout h2, sandbox latency 50 ms"),
                "signups", List.of("signups h2"), "pages", List.of("pages at scale, h2", "pages at scale, postgresql"),
                "search", List.of("activity log search h2"),
                "automation", List.of("automation postgresql"));
        for (String part : Settings.PARTS.stream().filter(settings::runs).toList()) {
            // the checkout and pages sections name their database; -Dbench.databases may leave one out
            for (String section : sections.get(part).stream().filter(s -> !List.of("checkout", "pages").contains(part)
                    || settings.databases().stream().anyMatch(s::contains)).toList()) {
                assertThat(markdown).as("section " + section).contains("| " + section + " |");
            }
        }
        for (JsonNode figure : json.path("figures")) {
            assertThat(figure.path("runs").asInt()).as(figure.path("name").asText()).isPositive();
            assertThat(figure.path("median").asDouble()).as(figure.path("name").asText()).isPositive();
        }
    }
}
