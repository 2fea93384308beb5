package org.billinghost.api.billing;

import org.billinghost.api.platform.ResultPage;
import org.osgi.annotation.versioning.ProviderType;

@ProviderType
public interface ModuleQueue {

    /** Items not yet succeeded; resolved ones too when {@code includeResolved}. Newest first. */
    ResultPage<QueueItem> list(boolean includeResolved, int offset, int limit);

    /** Runs the item's command again now and answers its result; success resolves the item. */
    org.billinghost.api.module.CommandResult retry(long itemId);

    /** Marks the item resolved without running it. */
    QueueItem resolve(long itemId);
}
