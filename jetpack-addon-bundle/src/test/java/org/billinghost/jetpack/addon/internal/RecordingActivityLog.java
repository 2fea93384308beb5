package org.billinghost.jetpack.addon.internal;

import java.util.ArrayList;
import java.util.List;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityFilter;
import org.billinghost.api.platform.Actor;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.ResultPage;

final class RecordingActivityLog implements ActivityLog {
    final List<String> messages = new ArrayList<>();

    @Override
    public void log(String message, long clientId) {
        messages.add(message);
    }

    @Override
    public void log(String message, long clientId, Actor actor) {
        messages.add(message);
    }

    @Override
    public ResultPage<ActivityEntry> search(ActivityFilter filter, int offset, int limit) {
        throw new UnsupportedOperationException();
    }
}
