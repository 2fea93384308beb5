package org.billinghost.core.internal.commands;

import org.billinghost.api.module.ModuleCommand;
import org.billinghost.api.platform.Actor;

/**
 * A claimed job.
 *
 * @param attempts   attempts including the current one
 * @param takenOver  the job was claimed from another owner whose lease had expired (crash recovery)
 * @param actor      who queued the command: its activity-log lines are credited to them
 */
public record Job(long id, long serviceId, ModuleCommand command, String customFunction, int attempts,
                  boolean takenOver, boolean failedBefore, String leaseOwner, Actor actor) {
}
