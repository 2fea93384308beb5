package org.billinghost.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * While the host runs, says in one line when a bundle dropped into {@code modules/} does not resolve.
 * FileInstall's own report (a stack trace on stdout) is switched off: the launcher words it like at start.
 */
final class ModuleWatch implements BundleListener {
    /** FileInstall starts a new bundle right after installing it; look once it had the time to. */
    private static final long CHECK_DELAY_MILLIS = 2_000;

    private final HostRuntime runtime;
    private final Path modulesDir;
    private final PrintStream err;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "billing-host-module-watch");
        thread.setDaemon(true);
        return thread;
    });

    ModuleWatch(HostRuntime runtime, Path modulesDir, PrintStream err) {
        this.runtime = runtime;
        this.modulesDir = modulesDir.toAbsolutePath().normalize();
        this.err = err;
    }

    void start() {
        runtime.context().addBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        boolean arrived = event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED;
        if (arrived && isModule(bundle.getLocation())) {
            checks.schedule(() -> report(bundle), CHECK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** FileInstall's locations are {@code file:/dir/x.jar} URIs. */
    private boolean isModule(String location) {
        try {
            String path = java.net.URI.create(location).getPath();
            return path != null && Path.of(path).startsWith(modulesDir);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void report(Bundle bundle) {
        try {
            String sentence = runtime.unresolvedSentence(List.of(bundle));
            if (sentence != null) {
                err.println("WARN " + sentence);
            }
        } catch (IllegalStateException e) {
            // uninstalled meanwhile, or the framework is stopping: nothing to report
        }
    }
}
