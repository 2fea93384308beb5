package org.billinghost.core.internal.bootstrap;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Just enough of a BundleContext for start-up components: framework properties and service registrations. */
final class FakeBundleContext {

    record Registered(List<String> names, Object service, Map<String, Object> properties) {
    }

    final List<Registered> registered = new ArrayList<>();
    final BundleContext context;

    FakeBundleContext(Map<String, String> properties) {
        context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "registerService" -> register(args);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    Registered only(Class<?> type) {
        List<Registered> matches = registered.stream().filter(r -> r.names().contains(type.getName())).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " registration, found " + registered);
        }
        return matches.get(0);
    }

    private ServiceRegistration<?> register(Object[] args) {
        List<String> names = args[0] instanceof Class<?> c ? List.of(c.getName())
                : args[0] instanceof String s ? List.of(s) : List.of((String[]) args[0]);
        Map<String, Object> properties = new java.util.HashMap<>();
        if (args[2] != null) {
            Dictionary<?, ?> d = (Dictionary<?, ?>) args[2];
            for (Object key : Collections.list(d.keys())) {
                properties.put((String) key, d.get(key));
            }
        }
        Registered r = new Registered(names, args[1], properties);
        registered.add(r);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, a) -> {
                    if (method.getName().equals("unregister")) {
                        registered.remove(r);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
