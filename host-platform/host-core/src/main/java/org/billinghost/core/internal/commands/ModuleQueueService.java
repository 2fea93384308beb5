package org.billinghost.core.internal.commands;

import java.time.Instant;
import java.util.List;

import org.billinghost.api.billing.BillingException;
import org.billinghost.api.billing.ModuleQueue;
import org.billinghost.api.billing.QueueItem;
import org.billinghost.api.module.CommandResult;
import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.Product;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.internal.commands.JobQueue.JobRow;
import org.billinghost.core.internal.db.Jdbc;
import org.billinghost.core.internal.orders.PageRequest;
import org.billinghost.core.internal.orders.ServiceRow;
import org.billinghost.core.internal.orders.ServiceStore;
import org.billinghost.core.internal.time.BillingClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The module queue (WHMCS's): jobs that failed or wait for a retry, which admins retry or resolve. */
@Component(service = ModuleQueue.class)
public final class ModuleQueueService implements ModuleQueue {
    private final JobQueue queue;
    private final ModuleCommandService commands;
    private final ServiceStore services;
    private final Catalog catalog;
    private final String owner = JobWorkers.processOwner();

    @Activate
    public ModuleQueueService(@Reference JobQueue queue, @Reference ModuleCommandService commands,
                              @Reference Jdbc jdbc, @Reference Catalog catalog, @Reference BillingClock clock) {
        this.queue = queue;
        this.commands = commands;
        this.services = new ServiceStore(jdbc, clock);
        this.catalog = catalog;
    }

    @Override
    public ResultPage<QueueItem> list(boolean includeResolved, int offset, int limit) {
        int size = PageRequest.limit(offset, limit);
        List<QueueItem> items = queue.queue(includeResolved, offset, size).stream().map(this::item).toList();
        return new ResultPage<>(items, queue.queueSize(includeResolved), offset, size);
    }

    @Override
    public CommandResult retry(long itemId) {
        Job job = queue.claimForRetry(itemId, owner, JobSettings.defaults().leaseMillis())
                .orElseThrow(() -> refusal(itemId));
        CommandResult result = commands.runJob(job);
        if (result.succeeded()) {
            queue.succeed(job, true);
        } else {
            queue.fail(job, result.message());
        }
        return result;
    }

    @Override
    public QueueItem resolve(long itemId) {
        if (!queue.resolve(itemId)) {
            JobRow row = queue.row(itemId).orElseThrow(() -> notFound(itemId));
            if (JobQueue.RUNNING.equals(row.state())) {
                throw BillingException.conflict("Module queue item " + itemId + " is running now; try again when it has finished");
            }
        }
        return item(queue.row(itemId).orElseThrow(() -> notFound(itemId)));
    }

    private BillingException refusal(long itemId) {
        JobRow row = queue.row(itemId).orElseThrow(() -> notFound(itemId));
        return BillingException.conflict("Module queue item " + itemId + " is " + row.state()
                + (JobQueue.RUNNING.equals(row.state()) ? " now" : "") + ": it cannot be retried");
    }

    private static BillingException notFound(long itemId) {
        return BillingException.notFound("Module queue item " + itemId + " not found");
    }

    private QueueItem item(JobRow row) {
        ServiceRow service = services.find(row.serviceId()).orElse(null);
        String module = service == null ? "" : catalog.product(service.productId()).map(Product::module).orElse("");
        ModuleCommand command = ModuleCommand.valueOf(row.command());
        String action = command == ModuleCommand.CUSTOM ? row.customFunction() : command.hookName();
        String state = JobQueue.RUNNING.equals(row.state()) ? JobQueue.PENDING : row.state();
        return new QueueItem(row.id(), row.serviceId(), service == null ? 0 : service.clientId(), module, action,
                row.lastError() == null ? "" : row.lastError(), row.attempts(), Instant.ofEpochMilli(row.created()),
                row.lastAttemptAt() == null ? null : Instant.ofEpochMilli(row.lastAttemptAt()),
                JobQueue.PENDING.equals(row.state()) ? Instant.ofEpochMilli(row.nextAttemptAt()) : null, state);
    }
}
