package org.billinghost.core.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.core.internal.commands.FlowTestSupport;
import org.billinghost.core.internal.mail.MailTemplate;
import org.junit.jupiter.api.Test;

class CoreMetersTest extends FlowTestSupport {

    @Test
    void queueDepthAndOldestDueAgePerCommandAreReadAtMostEveryFiveSeconds() {
        long serviceId = shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        long due = core.jdbc().queryLong("SELECT next_attempt_at FROM jobs WHERE service_id = ?", serviceId);
        AtomicLong now = new AtomicLong(due + 90_000);
        new CoreMeters(core.metrics().registry(), core.jdbc(), now::get, core.mailOutbox()::waiting);

        assertThat(gauge(CoreMeters.QUEUED, "Create")).isEqualTo(1.0);
        assertThat(gauge(CoreMeters.OLDEST_DUE, "Create")).isEqualTo(90.0);
        assertThat(gauge(CoreMeters.QUEUED, "Suspend")).isZero();

        shop.service(shop.product(AutoSetup.ORDER, BigDecimal.TEN));
        now.addAndGet(CoreMeters.CACHE_MILLIS - 1);
        assertThat(gauge(CoreMeters.QUEUED, "Create")).as("cached").isEqualTo(1.0);
        now.addAndGet(1);
        assertThat(gauge(CoreMeters.QUEUED, "Create")).isEqualTo(2.0);
    }

    @Test
    void thePoolsConnectionsAreGauged() {
        new CoreMeters(core.metrics().registry(), core.jdbc(), System::currentTimeMillis, core.mailOutbox()::waiting);

        assertThat(core.metrics().registry().find(CoreMeters.POOL).tag("state", "total").gauge()).isNotNull();
    }

    @Test
    void theOutboxsWaitingMessagesAreGaugedWithTheQueue() {
        long client = shop.client();
        AtomicLong now = new AtomicLong(1_000_000);
        new CoreMeters(core.metrics().registry(), core.jdbc(), now::get, core.mailOutbox()::waiting);
        double before = core.metrics().registry().find(CoreMeters.OUTBOX).gauge().value();

        core.mailOutbox().queue(MailTemplate.CLIENT_SIGNUP, client, client, "gauge-test");
        now.addAndGet(CoreMeters.CACHE_MILLIS);

        assertThat(core.metrics().registry().find(CoreMeters.OUTBOX).gauge().value()).isEqualTo(before + 1);
    }

    private double gauge(String name, String command) {
        return core.metrics().registry().find(name).tag("command", command).gauge().value();
    }
}
