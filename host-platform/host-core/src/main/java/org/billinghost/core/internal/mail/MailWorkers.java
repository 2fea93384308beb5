package org.billinghost.core.internal.mail;

import org.billinghost.api.log.FailureLog;
import org.billinghost.core.internal.commands.JobWorkers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail worker of one host process: one thread that delivers due messages, woken after a message is
 * queued and otherwise every few seconds (retries fall due, another host queued something). It claims with
 * the same lease owner as the job workers, so an operator sees one id per process.
 */
@Component(service = MailWorkers.class, immediate = true)
public final class MailWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(MailWorkers.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);
    private static final long POLL_MILLIS = 5_000;

    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final String owner = JobWorkers.processOwner();
    private final Object signal = new Object();
    private final Runnable wakeUp = this::wakeUp;
    private final Thread thread;
    private long signals;
    private volatile boolean running = true;

    @Activate
    public MailWorkers(@Reference MailOutbox outbox, @Reference EmailsService emails) {
        this.outbox = outbox;
        this.delivery = emails.delivery();
        outbox.addWakeUp(wakeUp);
        thread = new Thread(this::work, "billing-mail-worker");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        outbox.removeWakeUp(wakeUp);
        wakeUp();
        // a message in the middle of an SMTP transaction finishes within its claim
        thread.join(delivery.leaseMillis());
    }

    private void work() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = signals;
            }
            try {
                boolean more = true;
                while (running && more) {
                    more = delivery.runOne(owner);
                }
            } catch (RuntimeException e) {
                // the database may be briefly unreachable; a claimed message's lease ends and it is taken again
                FAILURES.error(e, "Delivering e-mail failed: owner={}", owner);
            }
            synchronized (signal) {
                if (running && signals == seen) {
                    try {
                        signal.wait(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void wakeUp() {
        synchronized (signal) {
            signals++;
            signal.notifyAll();
        }
    }
}
