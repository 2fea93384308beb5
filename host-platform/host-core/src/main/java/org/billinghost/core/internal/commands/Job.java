package org.billinghost.core.internal.commands;

import org.billinghost.api.module.ModuleCommand;

/**
 * A claimed job.
 *
 * @param attempts   attempts including the current one
 * @param takenOver  the job was claimed from another owner whose lease had expired (crash recovery)
 */
public record Job(long id, long serviceId, ModuleCommand command, String customFunction, int attempts,
                  boolean takenOver, boolean failedBefore, String leaseOwner) {
}
