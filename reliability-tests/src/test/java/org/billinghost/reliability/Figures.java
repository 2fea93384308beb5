package org.billinghost.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A suite's figures: printed at the end of the run and written to {@code target/<suite>-figures.md}. */
final class Figures {
    private final String suite;
    private final List<String> lines = new ArrayList<>();

    /** @param suite the suite's name, e.g. {@code Reliability} */
    Figures(String suite) {
        this.suite = suite;
    }

    synchronized void add(String scenario, String text) {
        lines.add("| " + scenario + " | " + text + " |");
        System.out.println(suite.toUpperCase(Locale.ROOT) + " " + scenario + ": " + text);
    }

    synchronized void print() {
        StringBuilder report = new StringBuilder("# " + suite + " figures\n\n| scenario | figures |\n|---|---|\n");
        lines.forEach(l -> report.append(l).append('\n'));
        System.out.println();
        System.out.println(report);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/" + suite.toLowerCase(Locale.ROOT) + "-figures.md"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
