package org.billinghost.api.module;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a module command: success, or an error message written for staff.
 *
 * <p>A module tells the host whether a failure may pass by itself ({@link Failure#TRANSIENT}:
 * 5xx, time-outs, connection errors, rate limits) so that automatic commands are retried with
 * back-off, or is {@link Failure#PERMANENT} (bad input, bad set-up) and waits for an admin.
 */
public record CommandResult(boolean succeeded, String message, Failure failure, Duration retryAfter) {

    public enum Failure { NONE, PERMANENT, TRANSIENT }

    public CommandResult {
        message = message == null ? "" : message;
        Objects.requireNonNull(failure, "failure");
        if (succeeded != (failure == Failure.NONE)) {
            throw new IllegalArgumentException("a successful result has no failure kind and a failed one has one");
        }
    }

    private static final CommandResult SUCCESS = new CommandResult(true, "success", Failure.NONE, null);

    public static CommandResult success() {
        return SUCCESS;
    }

    /** A failure an admin has to look at; automatic retries would not help. */
    public static CommandResult error(String message) {
        return new CommandResult(false, Objects.requireNonNull(message), Failure.PERMANENT, null);
    }

    /** A failure that may pass by itself; {@code retryAfter} may be null (the host's back-off decides). */
    public static CommandResult transientError(String message, Duration retryAfter) {
        return new CommandResult(false, Objects.requireNonNull(message), Failure.TRANSIENT, retryAfter);
    }

    /** WHMCS's answer string: {@code success} or the error message. */
    @Override
    public String toString() {
        return succeeded ? "success" : message;
    }
}
