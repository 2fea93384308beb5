package org.billinghost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ExternalDatabase;
import org.billinghost.testsupport.HostProcess;

/** Admin pages and the API over a database seeded with many clients, services and activity rows. */
final class PagesBench {
    private static final int WARM_UP = 10;
    private final Settings settings;
    private final Report report;
    private String section;

    PagesBench(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    /** @param db {@code h2} (the demo's embedded database) or {@code postgresql} (skipped, and said so, without one) */
    void run(String db) throws Exception {
        section = "pages at scale, " + db;
        Path data = settings.work().resolve("pages-" + db);
        if (db.equals("h2")) {
            run(data, null);
            return;
        }
        try (ExternalDatabase pg = ExternalDatabase.open(ExternalDatabase.Kind.POSTGRESQL)) {
            if (pg == null) {
                report.note(section + ": skipped, no PostgreSQL server");
                return;
            }
            run(data, pg);
        }
    }

    /** @param external the database the host uses, null for its embedded H2 */
    private void run(Path data, ExternalDatabase external) throws Exception {
        Supplier<HostProcess.Options> options = () -> external == null ? HostProcess.options(data).demo()
                : HostProcess.options(data).demo().database(external.url(), external.user(), "");
        long productId;
        try (HostProcess host = options.get().start()) {
            ApiClient api = ApiClient.demo(host);
            // a fresh demo database has one product group, Jetpack, made first (id 1)
            productId = api.call("AddProduct", Map.of("gid", 1, "name", "Seeded hosting", "type", "other",
                    "paytype", "free")).path("pid").asLong();
        }
        long seedStart = System.nanoTime();
        Seeder.seed(external == null ? Seeder.h2Url(data) : external.url(),
                external == null ? "" : external.user(), settings.seedClients(), settings.seedActivity(), productId);
        report.note(section + ": seeded " + settings.seedClients() + " clients, " + settings.seedClients()
                + " services and " + settings.seedActivity() + " activity rows in "
                + (System.nanoTime() - seedStart) / 1_000_000_000 + " s");
        try (HostProcess host = options.get().start()) {
            AdminSession admin = AdminSession.login(host, "admin", "admin");
            ApiClient api = ApiClient.demo(host);
            Random random = new Random(42);
            int clients = settings.seedClients();
            String size = clients + " clients";
            page("admin clients list", size, 100.0, i -> {
                HttpResponse<String> r = admin.get("admin/clients?page=" + (1 + random.nextInt(50)));
                return r.statusCode();
            });
            page("admin client summary with its services", size, 100.0,
                    i -> admin.get("admin/clientssummary?id=" + (2 + random.nextInt(clients))).statusCode());
            // the activity log's search: SearchBench, on every database
            // issue 18: the global search, each sorted list page and the dashboard
            page("admin global search", size, 100.0,
                    i -> admin.get("admin/search?q=seed-" + (2 + random.nextInt(clients)) + "%40example").statusCode());
            String[] lists = {"admin/clients?sort=name", "admin/clients?sort=email&dir=desc", "admin/orders?sort=total",
                "admin/invoices?sort=due", "admin/services?sort=domain", "admin/services?sort=nextdue&dir=desc"};
            for (String list : lists) {
                page("admin list " + list.substring("admin/".length()), size, 100.0,
                        i -> admin.get(list + "&page=" + (1 + random.nextInt(50))).statusCode());
            }
            page("admin dashboard", settings.seedActivity() + " activity rows", 100.0,
                    i -> admin.get("admin/").statusCode());
            page("API GetClientsProducts for a client", size, 50.0, i -> {
                JsonNode answer = api.call("GetClientsProducts", Map.of("clientid", 2 + random.nextInt(clients)));
                return answer.path("totalresults").asInt() >= 1 ? 200 : 500;
            });
        }
    }

    private void page(String name, String size, double target, IntFunction<Integer> request) {
        page(settings, report, section, name, size, target, request);
    }

    /** p95 of the request's time; a non-200 answer fails the benchmark (a fast error page proves nothing). */
    static void page(Settings settings, Report report, String section, String name, String size, Double target,
                     IntFunction<Integer> request) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + settings.pageSamples(); i++) {
            long start = System.nanoTime();
            int status = request.apply(i);
            long elapsed = System.nanoTime() - start;
            if (status != 200) {
                throw new IllegalStateException(name + " answered HTTP " + status);
            }
            if (i >= WARM_UP) {
                millis.add(elapsed / 1e6);
            }
        }
        Stats stats = Stats.of(millis);
        report.add(section, name + " p95", "ms", List.of(stats.percentile(95)), target, false,
                size + "; median " + Report.num(stats.median()) + " ms over " + stats.count() + " requests");
    }
}
