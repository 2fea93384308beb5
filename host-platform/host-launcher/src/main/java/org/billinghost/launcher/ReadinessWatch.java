package org.billinghost.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Waits for what "ready" means: the module bundles present at start installed, the host core's HostHealth
 * service saying {@code ready}, and the HTTP server serving the admin area, the store and the API. Polls instead of listening: the
 * launcher cannot load the service's class, and a 20 ms poll is well below the start-up time.
 */
final class ReadinessWatch {
    /** Service properties of {@code org.billinghost.api.platform.HostHealth}, read without loading the class. */
    private static final String HEALTH_FILTER = "(objectClass=org.billinghost.api.platform.HostHealth)";
    private static final String STATE = "billing.host.state";
    private static final String MESSAGE = "billing.host.message";
    private static final long POLL_MILLIS = 20;
    /** Header of host-web's StartupGate. */
    private static final String PROBE_HEADER = "X-Billing-Startup-Probe";
    private static final long MODULE_WAIT_MILLIS = 10_000;

    private final BundleContext context;
    private final long deadline;

    ReadinessWatch(BundleContext context, long timeoutMillis) {
        this.context = context;
        this.deadline = System.currentTimeMillis() + timeoutMillis;
    }

    /**
     * Returns the module bundles found for the jars in {@code modulesDir} once FileInstall installed them all, or
     * those found within {@link #MODULE_WAIT_MILLIS} (a jar that is no bundle is never installed).
     */
    List<Bundle> awaitModules(Path modulesDir) throws StartupException {
        List<String> jars = jarNames(modulesDir);
        long moduleDeadline = System.currentTimeMillis() + MODULE_WAIT_MILLIS;
        while (true) {
            List<Bundle> found = new ArrayList<>();
            for (Bundle bundle : context.getBundles()) {
                String location = bundle.getLocation();
                if (jars.stream().anyMatch(jar -> location.endsWith("/" + jar))) {
                    found.add(bundle);
                }
            }
            if (found.size() >= jars.size() || System.currentTimeMillis() > moduleDeadline) {
                return found;
            }
            pause("the module bundles in " + modulesDir + " were not installed");
        }
    }

    void awaitHealthy() throws StartupException {
        while (true) {
            ServiceReference<?> health = healthReference();
            if (health != null) {
                String state = String.valueOf(health.getProperty(STATE));
                if ("ready".equals(state)) {
                    return;
                }
                if ("failed".equals(state)) {
                    Object message = health.getProperty(MESSAGE);
                    throw new StartupException(message == null || message.toString().isBlank()
                            ? "The host failed to start; see the log file." : message.toString());
                }
            }
            pause("the host core did not report ready");
        }
    }

    /**
     * Waits until the HTTP server answers the areas people and integrations use: the admin login page, the store
     * and the HTTP API (any answer but 404). The port opens before the whiteboard has registered the areas'
     * contexts, filters and servlets, and a "ready" host answering 404 for a moment would fail its first visitors.
     */
    void awaitPages(String bind, int port, String probeToken) throws StartupException {
        String host = "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        while (status(base + "/admin/login", "GET", probeToken) != 200 || status(base + "/", "GET", probeToken) != 200
                || List.of(0, 404).contains(status(base + "/includes/api.php", "POST", probeToken))) {
            pause("the HTTP server did not serve the admin area, the store and the API on port " + port);
        }
    }

    /**
     * The status of a request without a body, sent with the probe token that lets it past the start-up gate
     * (which answers everyone else 503 until the ready line); 0 when nothing answers yet.
     */
    private static int status(String url, String method, String probeToken) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestProperty(PROBE_HEADER, probeToken);
            connection.setRequestMethod(method);
            connection.setConnectTimeout(200);
            connection.setReadTimeout(2_000);
            connection.setInstanceFollowRedirects(false);
            if ("POST".equals(method)) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(0);
            }
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private ServiceReference<?> healthReference() {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, HEALTH_FILTER);
            return refs == null ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pause(String whatTimedOut) throws StartupException {
        if (System.currentTimeMillis() > deadline) {
            throw new StartupException("The host did not become ready in time: " + whatTimedOut
                    + " (see the log file under the data directory).");
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Start-up was interrupted.", e);
        }
    }

    private static List<String> jarNames(Path dir) throws StartupException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        } catch (IOException e) {
            throw new StartupException("The modules directory " + dir + " cannot be read.", e);
        }
    }
}
