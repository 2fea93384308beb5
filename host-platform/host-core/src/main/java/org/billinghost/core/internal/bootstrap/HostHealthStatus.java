package org.billinghost.core.internal.bootstrap;

import java.util.Hashtable;
import org.billinghost.api.platform.HostHealth;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The host's start-up state as a service the launcher waits for. */
record HostHealthStatus(boolean ready, String message) implements HostHealth {

    static HostHealthStatus readyNow() {
        return new HostHealthStatus(true, "");
    }

    static HostHealthStatus failed(String message) {
        return new HostHealthStatus(false, message);
    }

    ServiceRegistration<HostHealth> register(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(STATE, ready ? "ready" : "failed");
        properties.put(MESSAGE, message);
        return context.registerService(HostHealth.class, this, properties);
    }
}
