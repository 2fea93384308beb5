package org.billinghost.core.internal.bootstrap;

import java.util.Hashtable;
import org.billinghost.api.platform.HostHealth;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The host's state as a service: the launcher waits for {@code ready} (or {@code failed}) at start; afterwards it
 * says {@code unavailable}, with the reason, while the database cannot be used.
 */
record HostHealthStatus(String state, String message) implements HostHealth {

    static HostHealthStatus readyNow() {
        return new HostHealthStatus("ready", "");
    }

    static HostHealthStatus failed(String message) {
        return new HostHealthStatus("failed", message);
    }

    static HostHealthStatus unavailable(String message) {
        return new HostHealthStatus("unavailable", message);
    }

    @Override
    public boolean ready() {
        return state.equals("ready");
    }

    ServiceRegistration<HostHealth> register(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(STATE, state);
        properties.put(MESSAGE, message);
        return context.registerService(HostHealth.class, this, properties);
    }
}
