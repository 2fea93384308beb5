package org.billinghost.httpapi.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The actions by name (case-insensitive), each with the admin permission it needs (null: any admin). */
public final class ActionTable {

    public record Entry(String name, String permission, Action action) {
    }

    private final Map<String, Entry> byLowerName = new HashMap<>();

    public ActionTable add(String name, String permission, Action action) {
        Entry previous = byLowerName.putIfAbsent(name.toLowerCase(Locale.ROOT), new Entry(name, permission, action));
        if (previous != null) {
            throw new IllegalStateException("Action registered twice: " + name);
        }
        return this;
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The canonical action names, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        byLowerName.values().forEach(e -> names.add(e.name()));
        return Collections.unmodifiableSet(names);
    }
}
