package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

/** Every call is timed per canonical action and result; a name the API does not know is counted as "unknown". */
class ApiMetricsTest extends ApiTestSupport {

    @Test
    void callsAreTimedPerCanonicalActionAndResult() {
        call("getcurrencies").ok();
        call("GetCurrencies").ok();
        call("NoSuchAction").refused(200, "Unknown action");

        assertThat(calls("GetCurrencies", "success")).isEqualTo(2);
        assertThat(calls("unknown", "error")).isEqualTo(1);
        assertThat(calls("NoSuchAction", "error")).isZero();
    }

    private static long calls(String action, String result) {
        Timer timer = core.metrics().registry().find(ApiServlet.METRIC).tags("action", action, "result", result).timer();
        return timer == null ? 0 : timer.count();
    }
}
