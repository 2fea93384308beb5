package org.billinghost.api.platform;

import java.time.Instant;

/** One line of the activity log; {@code clientId} is 0 when no client is concerned. */
public record ActivityEntry(long id, Instant time, String message, long clientId, String user) {
}
