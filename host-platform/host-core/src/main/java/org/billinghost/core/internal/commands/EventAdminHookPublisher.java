package org.billinghost.core.internal.commands;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Hooks through the OSGi Event Admin. */
@Component(service = HookPublisher.class)
public final class EventAdminHookPublisher implements HookPublisher {
    private final EventAdmin eventAdmin;

    @Activate
    public EventAdminHookPublisher(@Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    @Override
    public void send(String topic, Map<String, Object> properties) {
        eventAdmin.sendEvent(new Event(topic, properties));
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        eventAdmin.postEvent(new Event(topic, properties));
    }
}
