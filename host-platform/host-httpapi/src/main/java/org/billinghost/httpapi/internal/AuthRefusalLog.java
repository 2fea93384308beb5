package org.billinghost.httpapi.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Writes refused API authentications to the log so that a flood of guesses gives a line a minute,
 * not one per guess: a refusal is written only when neither its identifier nor its address had a
 * line within {@link #INTERVAL}; the next line written says how many were left out.
 */
final class AuthRefusalLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    /** Identifiers and addresses remembered at most; beyond it the memory is cleared rather than grown. */
    static final int MAX_KEYS = 10_000;

    private final Logger logger;
    private final Map<String, Long> lastLine = new HashMap<>();
    private long leftOut;

    AuthRefusalLog(Logger logger) {
        this.logger = logger;
    }

    void refused(String identifier, String address, String reason) {
        // the identifier as the throttle counts it
        String identifierKey = "i:" + identifier.trim().toLowerCase(Locale.ROOT);
        String addressKey = "a:" + address;
        long skipped;
        synchronized (this) {
            long now = System.currentTimeMillis();
            if (!due(identifierKey, now) || !due(addressKey, now)) {
                leftOut++;
                return;
            }
            if (lastLine.size() >= MAX_KEYS) {
                lastLine.clear();
            }
            lastLine.put(identifierKey, now);
            lastLine.put(addressKey, now);
            skipped = leftOut;
            leftOut = 0;
        }
        logger.info("API authentication refused ({}): identifier={} address={}{}", reason,
                ApiRequest.shorten(identifier), ApiRequest.printable(address, 64),
                skipped == 0 ? "" : " (" + skipped + " more refusals not logged since the previous line)");
    }

    private boolean due(String key, long now) {
        Long last = lastLine.get(key);
        return last == null || now - last >= INTERVAL.toMillis();
    }
}
