package org.billinghost.testmodules.internal;

import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.HookTopics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Makes the hooks visible from outside the process: every hook about the test module (or about
 * no module at all, e.g. AcceptOrder) becomes the activity-log line
 * {@code testmodule hook <HookName> serviceid=<id>}, which the in-container tests read through
 * the API's GetActivityLog.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + HookTopics.ALL)
public final class HookRecorder implements EventHandler {

    private final ActivityLog activityLog;

    @Activate
    public HookRecorder(@Reference ActivityLog activityLog) {
        this.activityLog = activityLog;
    }

    @Override
    public void handleEvent(Event event) {
        Object module = event.getProperty(HookTopics.MODULE);
        if (module != null && !TestServerModule.NAME.equals(module)) {
            return;
        }
        String hook = event.getTopic().substring(HookTopics.PREFIX.length());
        activityLog.log(line(hook, number(event.getProperty(HookTopics.SERVICE_ID))),
                number(event.getProperty(HookTopics.CLIENT_ID)));
    }

    /** The exact line the tests look for. */
    public static String line(String hook, long serviceId) {
        return TestServerModule.NAME + " hook " + hook + " serviceid=" + serviceId;
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        return 0;
    }
}
