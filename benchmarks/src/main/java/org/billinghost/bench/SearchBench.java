package org.billinghost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ExternalDatabase;
import org.billinghost.testsupport.HostProcess;

/**
 * The admin activity log's text search over many lines on H2, PostgreSQL and MariaDB (issue 20 item 4): each
 * database gets the same lines, one a minute (500,000 span almost a year, so H2's bound to the last 7 days
 * matters), and the same terms; the API's unbounded search must answer the same lines on all three.
 */
final class SearchBench {
    private static final long STEP_MILLIS = 60_000;
    /** Terms whose answers are compared across the databases (the first of the measured ones). */
    private static final int COMPARED = 5;
    private final Settings settings;
    private final Report report;
    private final Map<String, List<String>> firstAnswers = new LinkedHashMap<>();
    private String firstDatabase;

    SearchBench(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run() throws Exception {
        for (String db : List.of("h2", "postgresql", "mariadb")) {
            try {
                runOn(db);
            } catch (Exception | AssertionError e) {
                // one database's failure must not cost the others' figures
                report.note("activity log search " + db + ": FAILED, no figures: " + e);
            }
        }
    }

    private void runOn(String db) throws Exception {
        String section = "activity log search " + db;
        ExternalDatabase external = db.equals("h2") ? null : ExternalDatabase.open(
                db.equals("postgresql") ? ExternalDatabase.Kind.POSTGRESQL : ExternalDatabase.Kind.MARIADB);
        if (!db.equals("h2") && external == null) {
            report.note(section + ": skipped, no " + db + " server");
            return;
        }
        try {
            Path data = settings.work().resolve("search-" + db);
            HostProcess.Options options = HostProcess.options(data).demo();
            String url = "jdbc:h2:file:" + data.resolve("db/billing").toAbsolutePath() + ";AUTO_SERVER=FALSE";
            String user = "";
            if (external != null) {
                options.database(external.url(), external.user(), "");
                url = external.url();
                user = external.user();
            }
            options.start().close(); // the schema, made by the host's migrations
            int rows = settings.seedActivity();
            long seedStart = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, user, "")) {
                c.setAutoCommit(false);
                Seeder.activity(c, rows, settings.seedClients(), System.currentTimeMillis(), STEP_MILLIS);
                c.commit();
            }
            report.note(section + ": seeded " + rows + " lines, one a minute, in "
                    + (System.nanoTime() - seedStart) / 1_000_000_000 + " s");
            try (HostProcess host = options.start()) {
                measure(db, section, rows, host);
            }
        } finally {
            if (external != null) {
                external.close();
            }
        }
    }

    private void measure(String db, String section, int rows, HostProcess host) {
        AdminSession admin = AdminSession.login(host, "admin", "admin");
        String size = rows + " lines";
        Random random = new Random(42);
        PagesBench.page(settings, report, section, "admin activity log with a search term", size, 100.0,
                i -> admin.get("admin/systemactivitylog?search=Seeded+event+" + random.nextInt(rows)).statusCode());
        if (db.equals("h2")) {
            Random older = new Random(42);
            PagesBench.page(settings, report, section, "the same, searching older lines too", size, null,
                    i -> admin.get("admin/systemactivitylog?searcholder=1&search=Seeded+event+" + older.nextInt(rows))
                            .statusCode());
        }
        // the same terms (same seed) answer the same lines on every database: the API searches every line
        ApiClient api = ApiClient.demo(host);
        Random same = new Random(42);
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < COMPARED; i++) {
            String term = "Seeded event " + same.nextInt(rows);
            List<String> lines = new ArrayList<>();
            for (JsonNode entry : api.call("GetActivityLog", Map.of("description", term)).path("activity").path("entry")) {
                lines.add(entry.path("description").asText());
            }
            if (lines.stream().noneMatch(line -> line.startsWith(term + " - "))) {
                throw new IllegalStateException(db + ": the API's search for '" + term + "' missed its line: " + lines);
            }
            answers.put(term, lines);
        }
        if (firstDatabase == null) {
            firstDatabase = db;
            firstAnswers.putAll(answers);
        } else if (answers.equals(firstAnswers)) {
            report.note(section + ": the API's search answered the same lines as on " + firstDatabase + " for "
                    + COMPARED + " terms");
        } else {
            throw new IllegalStateException(db + " answered other lines than " + firstDatabase + ": " + answers
                    + " against " + firstAnswers);
        }
    }
}
