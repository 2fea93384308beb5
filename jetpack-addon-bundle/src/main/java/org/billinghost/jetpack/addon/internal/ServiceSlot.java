package org.billinghost.jetpack.addon.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A service of the Jetpack server bundle, which may come and go at run time. */
class ServiceSlot<T> {
    private final AtomicReference<T> service = new AtomicReference<>();

    Optional<T> get() {
        return Optional.ofNullable(service.get());
    }

    void set(T value) {
        service.set(value);
    }

    /** Clears only when {@code value} is still the current one (a greedy rebind binds the new one first). */
    void unset(T value) {
        service.compareAndSet(value, null);
    }
}
