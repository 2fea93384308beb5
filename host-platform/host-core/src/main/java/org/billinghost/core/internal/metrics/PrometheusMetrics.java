package org.billinghost.core.internal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.billinghost.api.platform.Metrics;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The host's one meter registry (Micrometer's Prometheus registry, embedded in this bundle), with the JVM's
 * memory, garbage collection, threads, class loading, processor and uptime. Modules and the other host bundles
 * count through {@link Metrics}; core components that need gauges take this class.
 */
@Component(service = {Metrics.class, PrometheusMetrics.class})
public final class PrometheusMetrics implements Metrics {
    /** Longest metric name or tag accepted: these come from code, a longer one is a mistake. */
    static final int MAX_TEXT = 100;
    /** Most tag pairs on one meter. */
    static final int MAX_TAGS = 8;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PrometheusMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void count(String name, String... tags) {
        registry.counter(checked(name), tags(tags)).increment();
    }

    @Override
    public void record(String name, Duration duration, String... tags) {
        registry.timer(checked(name), tags(tags)).record(duration);
    }

    /** For the core's gauges. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Writes every meter in the Prometheus text format. */
    void scrape(OutputStream out) throws IOException {
        registry.scrape(out, PrometheusTextFormatWriter.CONTENT_TYPE);
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    @Deactivate
    void close() {
        gc.close();
        registry.close();
    }

    private static Tags tags(String... pairs) {
        if (pairs.length % 2 != 0 || pairs.length > 2 * MAX_TAGS) {
            throw new IllegalArgumentException("Tags are name, value pairs, at most " + MAX_TAGS);
        }
        for (String text : pairs) {
            checked(text);
        }
        return Tags.of(pairs);
    }

    private static String checked(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A metric name or tag has 1 to " + MAX_TEXT + " characters");
        }
        return text;
    }
}
