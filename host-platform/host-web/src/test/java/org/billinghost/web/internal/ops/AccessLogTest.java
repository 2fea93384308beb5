package org.billinghost.web.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The area a request is timed in takes four values whatever the path, so that no path becomes a series. */
class AccessLogTest {

    @Test
    void everyPathFallsInOneOfFourAreas() {
        assertThat(AccessLog.area("/admin/clients")).isEqualTo("admin");
        assertThat(AccessLog.area("/admin")).isEqualTo("admin");
        assertThat(AccessLog.area("/administrator")).isEqualTo("client");
        assertThat(AccessLog.area("/includes/api.php")).isEqualTo("api");
        assertThat(AccessLog.area("/health/ready")).isEqualTo("other");
        assertThat(AccessLog.area("/metrics")).isEqualTo("other");
        assertThat(AccessLog.area("/sandbox/wpcom/rest/v1.3/jpphp/x/provision")).isEqualTo("other");
        assertThat(AccessLog.area("/cart.php")).isEqualTo("client");
    }
}
