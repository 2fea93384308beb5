package org.billinghost.api.platform;

import java.time.Instant;

/** One scrubbed module-log entry. */
public record ModuleLogEntry(long id, Instant time, String module, String action, String request, String response,
                             String processed) {
}
