package org.billinghost.testmodules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityFilter;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.Actor;
import org.billinghost.api.platform.ResultPage;
import org.osgi.service.event.Event;
import org.junit.jupiter.api.Test;

class HookRecorderTest {

    private final List<String> lines = new ArrayList<>();
    private final HookRecorder recorder = new HookRecorder(new ActivityLog() {
        @Override
        public void log(String message, long clientId) {
            lines.add(message + " client=" + clientId);
        }

        @Override
        public void log(String message, long clientId, Actor actor) {
            log(message, clientId);
        }

        @Override
        public ResultPage<ActivityEntry> search(ActivityFilter filter, int offset, int limit) {
            throw new UnsupportedOperationException();
        }
    });

    @Test
    void recordsHooksOfTheTestModuleAndHooksWithoutAModule() {
        recorder.handleEvent(new Event("billing/hook/PreModuleCreate",
                Map.of("module", "testmodule", "serviceid", 12L, "clientid", 3L)));
        recorder.handleEvent(new Event("billing/hook/AcceptOrder", Map.of("orderid", 5L)));
        recorder.handleEvent(new Event("billing/hook/AfterModuleCreate",
                Map.of("module", "jetpack", "serviceid", 13L)));

        assertThat(lines).containsExactly("testmodule hook PreModuleCreate serviceid=12 client=3",
                "testmodule hook AcceptOrder serviceid=0 client=0");
    }
}
