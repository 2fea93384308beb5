package org.billinghost.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/** The embedded Felix framework with the distribution's system bundles. */
final class HostRuntime {
    private final Framework framework;

    private HostRuntime(Framework framework) {
        this.framework = framework;
    }

    /** Initialises the framework, installs every system bundle, checks that all resolve, then starts them in order. */
    static HostRuntime start(Map<String, String> properties, List<Path> systemBundles) throws StartupException {
        Framework framework = new FrameworkFactory().newFramework(properties);
        HostRuntime runtime = new HostRuntime(framework);
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (Path jar : systemBundles) {
                // reference: keeps the jar where it is instead of copying it into the cache
                installed.add(context.installBundle("reference:" + jar.toUri()));
            }
            framework.start();
            if (!framework.adapt(FrameworkWiring.class).resolveBundles(installed)) {
                throw new StartupException(runtime.unresolvedSentence(installed));
            }
            for (Bundle bundle : installed) {
                if (!isFragment(bundle)) {
                    bundle.start();
                }
            }
            return runtime;
        } catch (BundleException e) {
            runtime.stopQuietly();
            throw new StartupException(startFailure(e), e);
        } catch (StartupException | RuntimeException e) {
            runtime.stopQuietly();
            throw e;
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** One sentence for the first bundle among {@code bundles} that is not resolved, or null when all are. */
    String unresolvedSentence(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            if (bundle.getState() != Bundle.INSTALLED) {
                continue;
            }
            if (isFragment(bundle)) {
                return "Fragment " + bundle.getSymbolicName() + " does not attach to its host bundle "
                        + bundle.getHeaders().get(Constants.FRAGMENT_HOST) + ".";
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                return ResolutionDiagnosis.sentence(nameOf(bundle), e.getMessage());
            }
        }
        return null;
    }

    /**
     * Tells host-web's start-up gate that the ready line is out: a service the launcher registers from outside the
     * framework, found by its property (the launcher cannot share a class with the bundles).
     */
    void openStartupGate() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("billing.launcher.state", "ready");
        context().registerService(Object.class.getName(), new Object(), properties);
    }

    int activeBundleCount() {
        int active = 0;
        for (Bundle bundle : context().getBundles()) {
            if (bundle.getBundleId() != 0 && bundle.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        return active;
    }

    /** Stops the framework and waits for its bundles to stop; true when it stopped in time. */
    boolean stop(long timeoutMillis) {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeoutMillis);
            return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
        } catch (BundleException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Blocks until the framework stops, for whatever reason. */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    private void stopQuietly() {
        stop(10_000);
    }

    static String nameOf(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null ? name : bundle.getLocation();
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String startFailure(BundleException e) {
        if (e.getType() == BundleException.RESOLVE_ERROR) {
            return ResolutionDiagnosis.sentence("?", e.getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "A bundle failed to start: " + e.getMessage().lines().findFirst().orElse("") + " (" + detail + ").";
    }
}
