package org.billinghost.jetpack.addon.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.api.platform.HookTopics;
import org.billinghost.api.platform.ModuleDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes that the partner credentials changed in the addon's configuration, so that the addon's
 * page offers to update the Jetpack products; it changes no product by itself.
 */
@Component(service = EventHandler.class, property = {
        EventConstants.EVENT_TOPIC + "=" + HookTopics.ADDON_MODULE_CONFIG_SAVE,
        EventConstants.EVENT_FILTER + "=(" + HookTopics.MODULE + "=" + JetpackAddon.NAME + ")"})
public final class CredentialsChangeListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsChangeListener.class);

    private final CredentialsNotice notice;

    @Activate
    public CredentialsChangeListener(@Reference ModuleDatabase database) {
        this(new AddonStorage(database, Clock.systemUTC()).notice());
    }

    CredentialsChangeListener(CredentialsNotice notice) {
        this.notice = notice;
    }

    @Override
    public void handleEvent(Event event) {
        if (!JetpackAddon.NAME.equals(event.getProperty(HookTopics.MODULE))) {
            return;
        }
        List<String> changed = changedKeys(event.getProperty(HookTopics.CHANGED_SETTINGS)).stream()
                .filter(AddonSettings::isCredentialKey)
                .toList();
        if (changed.isEmpty()) {
            return;
        }
        try {
            notice.markChanged(changed);
            LOG.info("JETPACK MODULE: partner credentials changed keys={}; the addon page offers to update the products", changed);
        } catch (DatabaseException e) {
            LOG.warn("JETPACK MODULE: could not note the credentials change: {}", e.getMessage());
        }
    }

    private static List<String> changedKeys(Object property) {
        if (property instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (property instanceof String[] values) {
            return List.of(values);
        }
        return property == null ? List.of() : List.of(String.valueOf(property));
    }
}
