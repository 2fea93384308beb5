package org.billinghost.core.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.billinghost.core.internal.commands.HookPublisher;

/**
 * Hooks for tests instead of Event Admin: records every event in order, and runs the handlers a
 * test registers for a topic (synchronously, for both send and post) so a test can veto a Pre hook.
 */
public final class RecordingHookPublisher implements HookPublisher {

    /** One fired hook. */
    public record Fired(String topic, Map<String, Object> properties, boolean synchronous) {
    }

    private record Handler(String topic, Consumer<Map<String, Object>> action) {
    }

    private final List<Fired> fired = new CopyOnWriteArrayList<>();
    private final List<Handler> handlers = new CopyOnWriteArrayList<>();

    /** Runs {@code action} for every event on {@code topic}, e.g. to add a message to the {@code veto} list. */
    public void on(String topic, Consumer<Map<String, Object>> action) {
        handlers.add(new Handler(topic, action));
    }

    /** Events fired so far on {@code topic}, oldest first. */
    public List<Fired> events(String topic) {
        List<Fired> matching = new ArrayList<>();
        for (Fired f : fired) {
            if (f.topic().equals(topic)) {
                matching.add(f);
            }
        }
        return matching;
    }

    public List<Fired> all() {
        return List.copyOf(fired);
    }

    public void clear() {
        fired.clear();
    }

    @Override
    public void send(String topic, Map<String, Object> properties) {
        deliver(topic, properties, true);
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        deliver(topic, properties, false);
    }

    private void deliver(String topic, Map<String, Object> properties, boolean synchronous) {
        fired.add(new Fired(topic, Map.copyOf(properties), synchronous));
        for (Handler handler : handlers) {
            if (handler.topic().equals(topic)) {
                handler.action().accept(properties);
            }
        }
    }
}
