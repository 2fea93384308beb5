package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.billinghost.api.billing.BillingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures nobody expected, Errors included, answer our JSON; their stack traces reach the log once a minute. */
class ApiFailureTest extends ApiTestSupport {

    private static final String INTERNAL_ERROR = "Internal error \\(reference [0-9a-f]{8}\\); the host log has the details";

    private static Served failing;

    @BeforeAll
    static void startFailingActions() throws Exception {
        ActionTable actions = new ActionTable()
                .add("Recurse", null, (r, admin) -> Map.of("depth", depth(0)))
                .add("Unwritable", null, (r, admin) -> Map.of("value", new Object()))
                .add("Unavailable", null, (r, admin) -> {
                    throw new BillingException(BillingException.Category.UNAVAILABLE, "The database is not available");
                });
        failing = serve(new ApiServlet(backend(core), ApiJson.mapper(), actions));
    }

    @AfterAll
    static void stopFailingActions() throws Exception {
        failing.close();
    }

    /** Recursion without end: a real StackOverflowError, as a regular expression on a long input gave. */
    private static int depth(int n) {
        return depth(n + 1) + 1;
    }

    private static Reply call(String action) {
        return postForm(failing.endpoint(), "identifier", IDENTIFIER, "secret", SECRET, "action", action);
    }

    @Test
    void aStackOverflowErrorIsAnsweredWithOurJsonAndItsStackTraceIsLoggedOnce() {
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 2; i++) {
                Reply reply = call("Recurse").refused(500, "");

                assertThat(reply.message()).matches(INTERNAL_ERROR);
                assertThat(reply.body()).doesNotContain("StackOverflow").doesNotContain("java.");
            }

            assertThat(log.linesWith("API call failed unexpectedly: action=Recurse reference=")).hasSize(2);
            assertThat(log.lines().stream().filter(l -> l.startsWith("java.lang.StackOverflowError"))).hasSize(1);
        }
    }

    @Test
    void anAnswerThatCannotBeWrittenAsJsonIsStillAnsweredWithOurJson() {
        Reply reply = call("Unwritable").refused(500, "");

        assertThat(reply.message()).matches(INTERNAL_ERROR);
        assertThat(reply.body()).doesNotContain("jackson").doesNotContain("java.");
    }

    @Test
    void aHostThatCannotServeNowSaysWhenToTryAgain() {
        HttpResponse<String> response = sendRaw(formPost(failing.endpoint(), "identifier", IDENTIFIER, "secret", SECRET,
                "action", "Unavailable"));
        reply(response).refused(503, "The database is not available");

        assertThat(response.headers().firstValue("Retry-After")).hasValue(ApiServlet.RETRY_AFTER_SECONDS);
    }
}
