package org.billinghost.core.internal.automation;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.billinghost.api.log.FailureLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the day's run once its hour has come (or at start-up, when the host was down at that hour) and
 * finishes runs whose host died. It looks once a minute: two indexed reads while there is nothing to do.
 */
@Component(service = AutomationScheduler.class, immediate = true)
public final class AutomationScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(AutomationScheduler.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "billing-automation");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public AutomationScheduler(@Reference AutomationService automation) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                automation.tick();
            } catch (RuntimeException e) { // the database may be down: try again next minute
                FAILURES.error(e, "The daily automation could not run");
            }
        }, 1, 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        // a run cut short here is finished by the next tick of any host once its lease ends
        executor.shutdownNow();
    }
}
