package org.billinghost.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.JetpackCatalog;

/**
 * Sign-ups, closed loop (issue 20 item 5, after Kill Bill's "create customer + order a monthly product"): each
 * caller repeats AddClient with a password (a slow hash) then AddOrder of a recurring product, with no pause;
 * first {@link Settings#signupConcurrency()} callers (a warm-up, then the measured time), then one caller; then one
 * caller's logins ({@code ValidateLogin}, the API's check of a client's password: the same hash).
 */
final class SignupBench {
    /** Kill Bill's figure in issue 20 (iterations/s, 32 keep-alive clients); the target is twice it. */
    static final double KILL_BILL_ITERATIONS_PER_SECOND = 22.4;

    private final Settings settings;
    private final Report report;

    SignupBench(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run() throws Exception {
        String section = "signups h2";
        try (HostProcess host = HostProcess.options(settings.work().resolve("signups")).demo().start()) {
            ApiClient api = ApiClient.demo(host);
            long product = JetpackCatalog.install(host, api, AdminSession.login(host, "admin", "admin"),
                    JetpackCatalog.DEMO_PARTNER_ID, JetpackCatalog.DEMO_PARTNER_SECRET, "payment").productId("Personal");
            int callers = settings.signupConcurrency();
            loop(api, product, callers, settings.signupWarmup());
            String load = Report.loadAverage();
            Loop many = loop(api, product, callers, settings.signupDuration());
            Loop one = loop(api, product, 1, settings.signupDuration());
            List<Double> logins = logins(api, settings.pageSamples());
            double perSecond = many.iterations() / many.seconds();
            double target = 2 * KILL_BILL_ITERATIONS_PER_SECOND;
            report.add(section, "AddClient (password) + AddOrder, " + callers + " callers", "iterations/s",
                    List.of(perSecond), target, true, "closed loop, " + settings.signupDuration().toSeconds()
                            + " s after " + settings.signupWarmup().toSeconds() + " s warm-up; ratio to the target "
                            + Report.num(perSecond / target) + "; load average " + load);
            report.add(section, "AddClient answer p50, " + callers + " callers", "ms",
                    List.of(Stats.of(many.addClientMillis()).percentile(50)), null, false, null);
            report.add(section, "AddOrder answer p95, " + callers + " callers", "ms",
                    List.of(Stats.of(many.addOrderMillis()).percentile(95)), 100.0, false, null);
            report.add(section, "AddClient answer p50, 1 caller", "ms",
                    List.of(Stats.of(one.addClientMillis()).percentile(50)), 60.0, false,
                    "load average " + Report.loadAverage());
            report.add(section, "ValidateLogin answer p50, 1 caller", "ms",
                    List.of(Stats.of(logins).percentile(50)), 60.0, false, logins.size() + " logins");
        }
    }

    /** One caller checking a signed-up client's password {@code count} times, one after the other. */
    private static List<Double> logins(ApiClient api, int count) {
        String email = "login-" + System.nanoTime() + "@example.com";
        api.addClient("Login", "Client", email);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            api.call("ValidateLogin", Map.of("email", email, "password2", ApiClient.passwordOf(email))); // or throws
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        return millis;
    }

    private record Loop(int iterations, double seconds, List<Double> addClientMillis, List<Double> addOrderMillis) {
    }

    /**
     * {@code callers} closed loops, each starting iterations for {@code duration} (so at least one each, however
     * loaded the machine); the rate is over the time until the last iteration ended.
     */
    private static Loop loop(ApiClient api, long product, int callers, Duration duration) throws Exception {
        List<Double> addClient = Collections.synchronizedList(new ArrayList<>());
        List<Double> addOrder = Collections.synchronizedList(new ArrayList<>());
        AtomicLong serial = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                futures.add(pool.submit(() -> {
                    do {
                        long t0 = System.nanoTime();
                        long client = api.addClient("Signup", "Client",
                                "signup-" + serial.incrementAndGet() + "-" + t0 + "@example.com");
                        long t1 = System.nanoTime();
                        api.addOrder(client, product, Map.of("Site URL", "signup-" + client + ".example.com",
                                "Local User", "admin"));
                        addClient.add((t1 - t0) / 1e6);
                        addOrder.add((System.nanoTime() - t1) / 1e6);
                    } while (System.nanoTime() < end);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(); // an API error fails the scenario with its message
            }
        } finally {
            pool.shutdownNow();
        }
        return new Loop(addClient.size(), (System.nanoTime() - start) / 1e9, List.copyOf(addClient), List.copyOf(addOrder));
    }
}
