package org.billinghost.jetpack.internal.client;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.api.platform.ModuleLogEntry;
import org.billinghost.api.platform.ResultPage;

/** Keeps what the module asked to log, as given (raw) and as the host would store it (scrubbed). */
class RecordingModuleLog implements ModuleLog {
    record Call(String module, String action, String request, String response, String processed, List<String> scrub) {
        String stored() {
            String all = request + "\n" + response + "\n" + processed;
            for (String secret : scrub) {
                all = all.replace(secret, "*".repeat(8));
            }
            return all;
        }
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean enabled = true;

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void log(String module, String action, String request, String response, String processed,
                    Collection<String> scrub) {
        calls.add(new Call(module, action, request, response, processed, List.copyOf(scrub)));
    }

    @Override
    public ResultPage<ModuleLogEntry> entries(String search, int offset, int limit) {
        throw new UnsupportedOperationException("not needed by these tests");
    }
}
