package org.billinghost.core.internal.commands;

import java.util.Map;

/** Fires hooks (Event Admin events on {@code org.billinghost.api.platform.HookTopics} topics). */
public interface HookPublisher {

    /** Delivers synchronously: handlers have run when this returns (Pre hooks that may veto). */
    void send(String topic, Map<String, Object> properties);

    /** Delivers asynchronously (After hooks, business events). */
    void post(String topic, Map<String, Object> properties);
}
