package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.billinghost.api.billing.ApiCredential;
import org.billinghost.api.billing.ApiCredentials;
import org.billinghost.core.internal.security.AuthThrottleService;
import org.billinghost.core.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed authentications are throttled per identifier and per address, the attempt counted before
 * the secret is checked; refusals reach the log once a minute, and never as a line of the caller's.
 */
class ApiThrottleTest extends ApiTestSupport {

    private static final String LOCKED = "Authentication Failed: too many failed attempts; try again in 60 seconds";

    /** The core's credentials, counting the secrets checked and how many are checked at once. */
    private static final class CountingCredentials implements ApiCredentials {
        private final ApiCredentials real;
        private final AtomicInteger checked = new AtomicInteger();
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        CountingCredentials(ApiCredentials real) {
            this.real = real;
        }

        @Override
        public Optional<ApiCredential> authenticate(String identifier, String secret) {
            checked.incrementAndGet();
            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                return real.authenticate(identifier, secret);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public Created create(long adminId, String description, Set<String> allowedActions) {
            return real.create(adminId, description, allowedActions);
        }

        @Override
        public ApiCredential createWithSecret(long adminId, String identifier, String secret, String description) {
            return real.createWithSecret(adminId, identifier, secret, description);
        }

        @Override
        public List<ApiCredential> list() {
            return real.list();
        }

        @Override
        public void delete(long id) {
            real.delete(id);
        }
    }

    private final MutableClock clock = new MutableClock();
    private final AuthThrottleService throttle = new AuthThrottleService(clock);
    private CountingCredentials credentials;
    private Served throttled;

    @BeforeEach
    void startThrottledApi() throws Exception {
        credentials = new CountingCredentials(core.apiCredentials());
        throttled = serve(new ApiServlet(backend(core, credentials, throttle)));
    }

    @AfterEach
    void stopThrottledApi() throws Exception {
        throttled.close();
    }

    /** Sends every call at once; answers how many got each status and message. */
    private Map<String, Long> inParallel(int calls, Function<Integer, String> secret) {
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, calls)
                .mapToObj(i -> http.sendAsync(formPost(throttled.endpoint(), "identifier", IDENTIFIER,
                        "secret", secret.apply(i), "action", "GetClients"), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return sent.stream().map(CompletableFuture::join).map(ApiTestSupport::reply)
                .collect(Collectors.groupingBy(r -> r.status() + " " + r.message(), Collectors.counting()));
    }

    private Reply getClients(String secret) {
        return postForm(throttled.endpoint(), "identifier", IDENTIFIER, "secret", secret, "action", "GetClients");
    }

    @Test
    void parallelGuessesGetNoMoreThanTheLimitCheckedAndTheLockHoldsEvenForTheRightSecret() {
        int limit = throttle.maxFailures();
        try (LogCapture log = new LogCapture()) {
            Map<String, Long> answers = inParallel(100, i -> "guess-" + i);

            assertThat(answers).isEqualTo(Map.of("403 Authentication Failed", (long) limit, "403 " + LOCKED,
                    100L - limit));
            assertThat(credentials.checked).hasValue(limit);
            assertThat(getClients(SECRET).refused(403, "").message()).isEqualTo(LOCKED);
            assertThat(credentials.checked).hasValue(limit);
            assertThat(log.linesWith("API authentication refused")).hasSize(1);
        }

        clock.advanceSeconds(throttle.lockSeconds() + 1);

        getClients(SECRET).ok();
    }

    @Test
    void parallelCallsWithTheRightSecretAreNeverLockedOut() {
        Map<String, Long> answers = inParallel(40, i -> SECRET);

        assertThat(answers).isEqualTo(Map.of("200 ", 40L));
        assertThat(credentials.mostAtOnce).as("secrets of one identifier checked at once").hasValue(1);
    }

    @Test
    void anIdentifierWithALineBreakCannotWriteALineOfItsOwnToTheLog() {
        try (LogCapture log = new LogCapture()) {
            postForm(throttled.endpoint(), "identifier", "bob\r\n2026-11-30 [main] INFO forged line",
                    "secret", "x", "action", "GetClients").refused(403, "Authentication Failed");

            assertThat(log.lines().stream().filter(l -> l.startsWith("2026-11-30"))).isEmpty();
            assertThat(log.linesWith("API authentication refused")).singleElement().asString()
                    .endsWith("identifier=bob\\u000d\\u000a2026-11-30 [main] INFO forged line address=127.0.0.1");
        }
    }
}
