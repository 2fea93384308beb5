package org.billinghost.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures: for each, the median and the spread (min–max) over its repeated runs,
 * with its target when it has one. Written as {@code bench-report.md} and {@code bench-report.json}.
 */
final class Report {
    /** One figure; {@code higherIsBetter} decides how the target is read. */
    record Figure(String section, String name, String unit, Stats stats, Double target, boolean higherIsBetter,
                  String note) {
        Boolean met() {
            if (target == null) {
                return null;
            }
            return higherIsBetter ? stats.median() >= target : stats.median() <= target;
        }
    }

    private final String mode;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String mode) {
        this.mode = mode;
    }

    synchronized void add(String section, String name, String unit, List<Double> samples, Double target,
                          boolean higherIsBetter, String note) {
        Figure f = new Figure(section, name, unit, Stats.of(samples), target, higherIsBetter, note);
        figures.add(f);
        System.out.printf(Locale.ROOT, "BENCH %s / %s: median %s %s (min %s, max %s, n=%d)%s%n", section, name,
                num(f.stats().median()), unit, num(f.stats().min()), num(f.stats().max()), f.stats().count(),
                f.met() == null ? "" : (f.met() ? " — target met" : " — TARGET NOT MET"));
    }

    synchronized void note(String text) {
        notes.add(text);
        System.out.println("BENCH note: " + text);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder("# Benchmark report\n\n")
                .append("- mode: ").append(mode).append('\n')
                .append("- cores: ").append(cores).append('\n')
                .append("- java: ").append(System.getProperty("java.version")).append('\n')
                .append("- written: ").append(Instant.now()).append('\n')
                .append("- load average (1 / 5 / 15 min) when written: ").append(loadAverage()).append("\n\n")
                .append("| section | figure | median | min | max | runs | target | met | note |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Figure f : figures) {
            md.append("| ").append(f.section()).append(" | ").append(f.name()).append(" | ")
                    .append(num(f.stats().median())).append(' ').append(f.unit()).append(" | ")
                    .append(num(f.stats().min())).append(" | ").append(num(f.stats().max())).append(" | ")
                    .append(f.stats().count()).append(" | ")
                    .append(f.target() == null ? "" : (f.higherIsBetter() ? "≥ " : "≤ ") + num(f.target()))
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" | ")
                    .append(f.note() == null ? "" : f.note()).append(" |\n");
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("section", f.section());
            j.put("name", f.name());
            j.put("unit", f.unit());
            j.put("median", f.stats().median());
            j.put("min", f.stats().min());
            j.put("max", f.stats().max());
            j.put("runs", f.stats().count());
            j.put("samples", f.stats().sorted());
            j.put("target", f.target());
            j.put("met", f.met());
            j.put("note", f.note());
            json.add(j);
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.writeString(dir.resolve("bench-report.md"), md);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", mode);
        root.put("cores", cores);
        root.put("java", System.getProperty("java.version"));
        root.put("figures", json);
        root.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("bench-report.json").toFile(), root);
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown": figures on a shared machine need it beside them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
