package org.billinghost.core.internal.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.mail.MailOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The core's gauges: the job queue per command (jobs waiting or running, and how long the oldest due job has been
 * due) read from the jobs table at most every {@value #CACHE_MILLIS} ms however often it is scraped, and the
 * database connection pool; the e-mail outbox's waiting messages, read with the job queue.
 */
@Component(immediate = true)
public final class CoreMeters {
    static final long CACHE_MILLIS = 5_000;
    static final String QUEUED = "billing.jobs.queued";
    static final String OLDEST_DUE = "billing.jobs.oldest.due.age";
    static final String POOL = "billing.db.pool.connections";
    static final String OUTBOX = "billing.email.outbox.waiting";

    /** Jobs waiting or running per command and the oldest due time of the waiting ones, in one indexed query. */
    private static final String QUEUE = "SELECT command, COUNT(*), MIN(CASE WHEN state = 'pending' AND"
            + " next_attempt_at <= ? THEN next_attempt_at END) FROM jobs WHERE state IN ('pending', 'running')"
            + " GROUP BY command";

    private record Depth(long queued, long oldestDueMillis) {
    }

    private record Snapshot(long takenAt, Map<ModuleCommand, Depth> depths, long outboxWaiting) {
    }

    private final MeterRegistry registry;
    private final Jdbc jdbc;
    private final LongSupplier clock;
    private final LongSupplier outboxWaiting;
    private final List<Meter> meters = new ArrayList<>();
    private Snapshot snapshot;

    @Activate
    public CoreMeters(@Reference PrometheusMetrics metrics, @Reference Jdbc jdbc, @Reference MailOutbox outbox) {
        this(metrics.registry(), jdbc, System::currentTimeMillis, outbox::waiting);
    }

    CoreMeters(MeterRegistry registry, Jdbc jdbc, LongSupplier clock, LongSupplier outboxWaiting) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.outboxWaiting = outboxWaiting;
        meters.add(Gauge.builder(OUTBOX, this, m -> m.current().outboxWaiting())
                .description("E-mails waiting to be sent (queued, or being sent)").register(registry));
        for (ModuleCommand command : ModuleCommand.values()) {
            meters.add(Gauge.builder(QUEUED, this, m -> m.depth(command).queued())
                    .tag("command", command.hookName()).description("Jobs waiting or running").register(registry));
            meters.add(Gauge.builder(OLDEST_DUE, this, m -> m.oldestDueSeconds(command)).baseUnit("seconds")
                    .tag("command", command.hookName()).description("How long the oldest due job has waited")
                    .register(registry));
        }
        if (jdbc.dataSource() instanceof HikariDataSource pool) {
            pool(pool, "active", HikariPoolMXBean::getActiveConnections);
            pool(pool, "idle", HikariPoolMXBean::getIdleConnections);
            pool(pool, "total", HikariPoolMXBean::getTotalConnections);
            pool(pool, "waiting", HikariPoolMXBean::getThreadsAwaitingConnection);
        }
    }

    private void pool(HikariDataSource pool, String state, ToIntFunction<HikariPoolMXBean> figure) {
        meters.add(Gauge.builder(POOL, pool, p -> p.getHikariPoolMXBean() == null ? 0
                        : figure.applyAsInt(p.getHikariPoolMXBean()))
                .tag("state", state).description("Database connections (waiting: threads waiting for one)")
                .register(registry));
    }

    @Deactivate
    void deactivate() {
        meters.forEach(registry::remove);
    }

    private Depth depth(ModuleCommand command) {
        return current().depths().getOrDefault(command, new Depth(0, 0));
    }

    private double oldestDueSeconds(ModuleCommand command) {
        Depth depth = depth(command);
        return depth.oldestDueMillis() == 0 ? 0 : Math.max(0, current().takenAt() - depth.oldestDueMillis()) / 1000.0;
    }

    private synchronized Snapshot current() {
        long now = clock.getAsLong();
        if (snapshot == null || now - snapshot.takenAt() >= CACHE_MILLIS || now < snapshot.takenAt()) {
            Map<ModuleCommand, Depth> depths = new EnumMap<>(ModuleCommand.class);
            for (Map.Entry<ModuleCommand, Depth> e : jdbc.query(QUEUE, row -> Map.entry(
                    ModuleCommand.valueOf(row.getString(1)), new Depth(row.getLong(2), row.getLong(3))), now)) {
                depths.put(e.getKey(), e.getValue());
            }
            snapshot = new Snapshot(now, depths, outboxWaiting.getAsLong());
        }
        return snapshot;
    }
}
