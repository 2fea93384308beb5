package org.billinghost.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.billinghost.testsupport.HostProcess;

/**
 * Runs every benchmark of issue 8 against real host processes started from the distribution and
 * writes {@code bench-report.md} and {@code bench-report.json}. Sizes come from {@link Settings}.
 */
public final class Benchmark {
    private final Settings settings;
    private final Report report;

    Benchmark(Settings settings) {
        this.settings = settings;
        this.report = new Report(settings.mode());
    }

    /**
     * {@code -Dbench.mode=quick|full}, {@code -Dbench.out=DIR} (default {@code target}), {@code -Dbench.only=pages,…}
     * (default: every part), {@code -Dbench.databases=postgresql} (the checkout and pages parts; default both).
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target"));
        Path work = Files.createTempDirectory("bench-");
        Report report = new Benchmark(Settings.of(System.getProperty("bench.mode", "quick"), work, out,
                System.getProperty("bench.only", ""), System.getProperty("bench.databases", ""))).run();
        System.out.println("Report: " + out.resolve("bench-report.md").toAbsolutePath() + " (" + report.figures().size()
                + " figures)");
    }

    Report run() throws Exception {
        if (settings.runs("startup")) {
            startup();
            idleMemory();
        }
        if (settings.runs("checkout")) {
            long afterKb = 0;
            for (String db : settings.databases()) {
                for (int latency : List.of(0, 50)) {
                    try {
                        afterKb = Math.max(afterKb, new CheckoutBench(settings, report).run(db, latency));
                    } catch (Exception | AssertionError e) {
                        // one failed configuration must not cost the figures of the others (a full run takes half an hour)
                        report.note("checkout " + db + ", sandbox latency " + latency + " ms: FAILED, no figures: " + e);
                    }
                }
            }
            report.add("memory", "resident set after the checkout runs", "MB", List.of(afterKb / 1024.0), null, false,
                    "largest of the demo hosts' RSS right after their throughput run");
        }
        if (settings.runs("signups")) {
            try {
                new SignupBench(settings, report).run();
            } catch (Exception | AssertionError e) {
                report.note("signups: FAILED, no figures: " + e);
            }
        }
        if (settings.runs("pages")) {
            for (String db : settings.databases()) {
                new PagesBench(settings, report).run(db);
            }
        }
        if (settings.runs("search")) {
            new SearchBench(settings, report).run();
        }
        if (settings.runs("automation")) {
            new AutomationBench(settings, report).run();
        }
        if (!settings.parts().containsAll(Settings.PARTS)) {
            report.note("Parts run (-Dbench.only): " + Settings.PARTS.stream().filter(settings::runs).toList());
        }
        report.note("JVM options: the launcher script's defaults (bin/billing-host), unchanged by the harness.");
        report.write(settings.out());
        return report;
    }

    /** Launch to the ready line, and to {@code /admin/login} answering 200; fresh and existing data directories. */
    private void startup() throws IOException, InterruptedException {
        List<Double> freshReady = new ArrayList<>();
        List<Double> freshLogin = new ArrayList<>();
        List<Double> existingReady = new ArrayList<>();
        List<Double> existingLogin = new ArrayList<>();
        Path existing = settings.work().resolve("startup-existing");
        HostProcess.options(existing).demo().start().close();
        String karafTarGz = System.getProperty("karaf.tar.gz", "");
        boolean karaf = settings.mode().equals("full") && !karafTarGz.isEmpty();
        List<Double> karafPort = new ArrayList<>();
        String load = Report.loadAverage();
        for (int i = 0; i < settings.startupRuns(); i++) {
            measureStart(HostProcess.options(settings.work().resolve("startup-fresh-" + i)).demo(), freshReady, freshLogin);
            if (karaf) { // alternating with the host's fresh starts, so that both see the same machine load
                karafPort.add(new KarafStartup(Path.of(karafTarGz)).launchToConsolePort(settings.work().resolve("karaf-" + i)));
            }
            measureStart(HostProcess.options(existing).demo(), existingReady, existingLogin);
        }
        load += " → " + Report.loadAverage();
        report.add("start-up", "fresh data directory: launch → ready line", "s", freshReady, null, false,
                "load average " + load);
        if (karaf) {
            report.add("start-up", "Apache Karaf (default features), fresh: launch → console port", "s", karafPort, null,
                    false, Path.of(karafTarGz).getFileName() + ", alternating with the host's fresh starts");
            report.add("start-up", "host fresh ready / Karaf console port", "ratio",
                    List.of(Stats.of(freshReady).median() / Stats.of(karafPort).median()), 0.34, false, "medians");
        } else {
            report.note("start-up against Apache Karaf: full mode only (-Dkaraf.tar.gz is set by the pom)");
        }
        report.add("start-up", "fresh data directory: launch → /admin/login 200", "s", freshLogin, 1.5, false, null);
        report.add("start-up", "existing data directory: launch → ready line", "s", existingReady, null, false, null);
        report.add("start-up", "existing data directory: launch → /admin/login 200", "s", existingLogin, 1.5, false, null);
    }

    private static void measureStart(HostProcess.Options options, List<Double> ready, List<Double> login) {
        try (HostProcess host = options.start()) {
            ready.add(host.startupTime().toNanos() / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(host.baseUrl() + "admin/login")).build();
            while (true) {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not answering yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (host.sinceStart().compareTo(Duration.ofSeconds(60)) > 0) {
                    throw new IllegalStateException("/admin/login did not answer 200 within 60 s");
                }
            }
            login.add(host.sinceStart().toNanos() / 1e9);
        }
    }

    /** Resident set of an idle demo host a few seconds after start-up. */
    private void idleMemory() throws InterruptedException {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < settings.startupRuns(); i++) {
            try (HostProcess host = HostProcess.options(settings.work().resolve("idle-" + i)).demo().start()) {
                Thread.sleep(3000);
                samples.add(host.residentKilobytes() / 1024.0);
            }
        }
        report.add("memory", "resident set of the idle demo host", "MB", samples, 130.0, false,
                "issue 20: idle RSS stays ≤ 130 MB (earlier target 160)");
    }
}
