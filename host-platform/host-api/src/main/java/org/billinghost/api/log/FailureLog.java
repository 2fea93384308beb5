package org.billinghost.api.log;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs unexpected failures so that a flood of one failing request cannot fill the disk: the stack
 * trace of a kind of failure (its class and where it was thrown) is written at most once per
 * {@link #INTERVAL}; the same failure again within it is only counted, and the count is reported
 * with the next line written for it.
 */
public final class FailureLog {
    public static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Kinds remembered at most; beyond it the memory is cleared rather than grown. */
    static final int MAX_KINDS = 1_000;

    private record Kind(long loggedAt, AtomicLong suppressed) {
    }

    private final Logger logger;
    private final Clock clock;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

    public FailureLog(Logger logger) {
        this(logger, Clock.systemUTC());
    }

    public FailureLog(Logger logger, Clock clock) {
        this.logger = logger;
        this.clock = clock;
    }

    /**
     * Logs {@code message} (a format with {@code {}} placeholders for {@code args}) at ERROR with the
     * stack trace of {@code failure}, unless the same kind of failure was logged within the interval.
     *
     * @return whether a line was written
     */
    public boolean error(Throwable failure, String message, Object... args) {
        long now = clock.millis();
        String key = kindOf(failure);
        if (kinds.size() >= MAX_KINDS) {
            kinds.clear();
        }
        boolean[] write = {false};
        long[] suppressed = {0};
        kinds.compute(key, (k, kind) -> {
            if (kind == null || now - kind.loggedAt() >= INTERVAL.toMillis()) {
                write[0] = true;
                suppressed[0] = kind == null ? 0 : kind.suppressed().get();
                return new Kind(now, new AtomicLong());
            }
            kind.suppressed().incrementAndGet();
            return kind;
        });
        if (!write[0]) {
            return false;
        }
        Object[] withFailure = new Object[args.length + 1];
        System.arraycopy(args, 0, withFailure, 0, args.length);
        withFailure[args.length] = failure;
        logger.error(suppressed[0] == 0 ? message : message + " (" + suppressed[0] + " more like it since last logged)",
                withFailure);
        return true;
    }

    private static String kindOf(Throwable failure) {
        if (failure instanceof VirtualMachineError) {
            // where a StackOverflowError is thrown differs with the depth it ran out at: its class is its kind
            return failure.getClass().getName();
        }
        StackTraceElement[] trace = failure.getStackTrace();
        return failure.getClass().getName() + (trace.length == 0 ? "" : "@" + trace[0]);
    }
}
