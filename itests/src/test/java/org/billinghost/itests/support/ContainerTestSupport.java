package org.billinghost.itests.support;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Base class of the Pax Exam tests: boots Felix with exactly the distribution's bundles (see
 * {@link ContainerOptions#host(boolean)}) and offers helpers that run inside the container.
 * Subclasses add bundles or properties by overriding {@link #extraOptions()}; use
 * {@code @RunWith(PaxExam.class)} and {@code @ExamReactorStrategy(PerClass.class)} on them.
 */
public abstract class ContainerTestSupport {
    /** The HostHealth service, by name: the launcher contract reads its properties without the class. */
    private static final String HEALTH_CLASS = "org.billinghost.api.platform.HostHealth";

    @Inject
    protected BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(new Option[] {ContainerOptions.host(demo())}, extraOptions());
    }

    /** Sets framework property {@code billing.demo}; the demo data (admin/admin, demo-api) exists only then. */
    protected boolean demo() {
        return true;
    }

    /** More bundles or properties, e.g. {@link ContainerOptions#jetpackBundles()}. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    // ---- in-container helpers ----

    /** Fails naming every bundle that is not ACTIVE (RESOLVED for fragments), with the resolver's reason. */
    protected void assertAllBundlesActive() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                problems.add(bundle.getSymbolicName() + " is " + stateName(bundle.getState()) + whyNotStarted(bundle, fragment));
            }
        }
        if (!problems.isEmpty()) {
            fail("Bundles not active:\n  " + String.join("\n  ", problems));
        }
    }

    /** Waits for the host core's HostHealth to say ready; fails with its message when it says failed. */
    protected void awaitHostReady(Duration timeout) {
        ServiceReference<?> ref = awaitReference("(objectClass=" + HEALTH_CLASS + ")", timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"ready".equals(ref.getProperty("billing.host.state"))) {
            if ("failed".equals(ref.getProperty("billing.host.state"))) {
                fail("host failed to start: " + ref.getProperty("billing.host.message"));
            }
            if (System.nanoTime() > deadline) {
                fail("host not ready within " + timeout);
            }
            sleep(50);
        }
    }

    /** The service of {@code type} (matching {@code filter}, may be null) once registered, or fails. */
    protected <T> T waitForService(Class<T> type, String filter, Duration timeout) {
        String objectClass = "(objectClass=" + type.getName() + ")";
        String full = filter == null ? objectClass : "(&" + objectClass + filter + ")";
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, filter(full), null);
        tracker.open();
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                fail("no service " + full + " within " + timeout);
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until no service matches {@code filter}. */
    protected void waitForServiceGone(String filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (references(filter) != null) {
            if (System.nanoTime() > deadline) {
                fail("service " + filter + " still registered after " + timeout);
            }
            sleep(50);
        }
    }

    /**
     * The Jetpack bundle's components configured by {@code jetpack.partner.api}: the Partner API client, the Licensing
     * API client and the {@code jetpack_licensing} module.
     */
    protected static final int PARTNER_API_COMPONENTS = 3;

    /**
     * Updates the configuration {@code pid} and waits until {@code components} services configured by it show the new
     * value of {@code key}: Configuration Admin and SCR apply an update on their own threads, so a call made right
     * after {@link #configure} may still reach a component with the old settings. (SCR gives a configured component's
     * service the configuration's properties, {@code service.pid} among them.)
     */
    protected void configureAndAwait(String pid, Map<String, String> values, String key, int components,
                                     Duration timeout) {
        configure(pid, values);
        String filter = "(&(service.pid=" + pid + ")(" + key + "=" + values.get(key).replace("\\", "\\\\")
                .replace("*", "\\*").replace("(", "\\(").replace(")", "\\)") + "))";
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ServiceReference<?>[] found = references(filter); found == null || found.length < components;
                found = references(filter)) {
            if (System.nanoTime() > deadline) {
                fail(components + " services " + filter + " expected within " + timeout);
            }
            sleep(50);
        }
    }

    /** Updates (or creates) the configuration {@code pid} through Configuration Admin. */
    protected void configure(String pid, Map<String, ?> values) {
        ConfigurationAdmin cm = waitForService(ConfigurationAdmin.class, null, Duration.ofSeconds(10));
        try {
            Dictionary<String, Object> props = new Hashtable<>(values);
            cm.getConfiguration(pid, "?").update(props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected int httpPort() {
        return Integer.parseInt(bundleContext.getProperty("org.osgi.service.http.port"));
    }

    /** {@code http://127.0.0.1:PORT/} of the container's HTTP server. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + httpPort() + "/";
    }

    /** The directory FileInstall watches for module bundles in this container. */
    protected Path modulesDir() {
        return Path.of(bundleContext.getProperty("felix.fileinstall.dir").split(",")[0]);
    }

    /** The directory FileInstall watches for {@code .cfg} files in this container. */
    protected Path confDir() {
        return Path.of(bundleContext.getProperty("felix.fileinstall.dir").split(",")[1]);
    }

    /** GET {@code path} (relative to the base URL). */
    protected HttpAnswer httpGet(String path) {
        return http("GET", path, null);
    }

    /** POST form fields to {@code path}. */
    protected HttpAnswer httpPostForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http("POST", path, body);
    }

    /** POST to the WHMCS API with the demo credentials; answers the raw JSON text. */
    protected HttpAnswer api(String action, Map<String, String> params) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(params);
        fields.put("action", action);
        fields.put("identifier", "demo-api");
        fields.put("secret", "demo-api-secret");
        fields.put("responsetype", "json");
        return httpPostForm("includes/api.php", fields);
    }

    /** Status and body of an HTTP answer. */
    public record HttpAnswer(int status, String body) {
    }

    private HttpAnswer http(String method, String path, String form) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(5000);
            c.setReadTimeout(30000);
            if (form != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                try (OutputStream out = c.getOutputStream()) {
                    out.write(form.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (in != null) {
                try (in) {
                    in.transferTo(body);
                }
            }
            return new HttpAnswer(status, body.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private ServiceReference<?> awaitReference(String filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ServiceReference<?>[] refs = references(filter);
            if (refs != null) {
                return refs[0];
            }
            assertTrue("no service " + filter + " within " + timeout, System.nanoTime() < deadline);
            sleep(50);
        }
    }

    private ServiceReference<?>[] references(String filter) {
        try {
            return bundleContext.getAllServiceReferences(null, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    private String whyNotStarted(Bundle bundle, boolean fragment) {
        if (fragment || bundle.getState() != Bundle.INSTALLED) {
            return "";
        }
        try {
            bundle.start();
            return "";
        } catch (Exception e) {
            return ": " + e.getMessage();
        }
    }

    private static Filter filter(String text) {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
