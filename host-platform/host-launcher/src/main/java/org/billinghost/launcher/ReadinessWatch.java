package org.billinghost.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
 * service saying {@code ready}, and the HTTP port accepting connections. Polls instead of listening: the
 * launcher cannot load the service's class, and a 20 ms poll is well below the start-up time.
 */
final class ReadinessWatch {
    /** Service properties of {@code org.billinghost.api.platform.HostHealth}, read without loading the class. */
    private static final String HEALTH_FILTER = "(objectClass=org.billinghost.api.platform.HostHealth)";
    private static final String STATE = "billing.host.state";
    private static final String MESSAGE = "billing.host.message";
    private static final long POLL_MILLIS = 20;
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

    void awaitPort(String bind, int port) throws StartupException {
        String host = "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException e) {
                pause("the HTTP server did not open port " + port);
            }
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
