package org.billinghost.core.internal.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.billinghost.api.module.ModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool's settings, parsed once from {@link JobsConfiguration}.
 *
 * @param workers             claim threads; they hand claimed jobs over and never wait on a module
 * @param maxInFlight         jobs this host runs at once, all modules together
 * @param maxInFlightByModule a lower limit for some modules (their partner's API quota)
 */
public record JobSettings(int workers, long pollMillis, long leaseMillis, int maxAttempts, long backoffBaseMillis,
                          long backoffMaxMillis, long shutdownWaitMillis, int maxInFlight,
                          Map<String, Integer> maxInFlightByModule) {
    static final int DEFAULT_MAX_IN_FLIGHT = 32;
    /** Each job in flight has a thread (module calls block) and may wait for a database connection. */
    static final int MAX_IN_FLIGHT = 256;
    /** The longest maxInFlightByModule read: far more than any real list of modules. */
    static final int MAX_BY_MODULE_LENGTH = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(JobSettings.class);

    public JobSettings {
        if (workers < 1 || pollMillis < 10 || leaseMillis < 1000 || maxAttempts < 1 || backoffBaseMillis < 0
                || backoffMaxMillis < backoffBaseMillis || shutdownWaitMillis < 0 || maxInFlight < 1
                || maxInFlight > MAX_IN_FLIGHT || maxInFlightByModule.values().stream()
                        .anyMatch(limit -> limit < 1 || limit > maxInFlight)) {
            throw new IllegalArgumentException("Invalid job queue settings: " + workers + " workers, poll " + pollMillis
                    + " ms, lease " + leaseMillis + " ms, " + maxAttempts + " attempts, back-off " + backoffBaseMillis
                    + ".." + backoffMaxMillis + " ms, in flight " + maxInFlight + " " + maxInFlightByModule);
        }
        maxInFlightByModule = Map.copyOf(maxInFlightByModule);
    }

    public static JobSettings defaults() {
        return new JobSettings(8, 1000, 60_000, 8, 2000, 600_000, 20_000, DEFAULT_MAX_IN_FLIGHT, Map.of());
    }

    /** The configured settings; an in-flight limit that is out of range is refused by name in the log. */
    public static JobSettings of(JobsConfiguration config) {
        List<String> refusals = new ArrayList<>();
        int maxInFlight = maxInFlight(config.maxInFlight(), refusals);
        Map<String, Integer> byModule = byModule(config.maxInFlightByModule(), maxInFlight, refusals);
        refusals.forEach(refusal -> LOG.warn("Job queue setting refused: {}", refusal));
        return new JobSettings(config.workers(), config.pollMillis(), config.leaseSeconds() * 1000L,
                config.maxAttempts(), config.backoffBaseMillis(), config.backoffMaxMillis(),
                config.shutdownWaitSeconds() * 1000L, maxInFlight, byModule);
    }

    /** The limit of a module's jobs on this host. */
    public int maxInFlight(String module) {
        return maxInFlightByModule.getOrDefault(module, maxInFlight);
    }

    static int maxInFlight(int value, List<String> refusals) {
        if (value >= 1 && value <= MAX_IN_FLIGHT) {
            return value;
        }
        refusals.add("maxInFlight=" + value + " is not a number from 1 to " + MAX_IN_FLIGHT + "; "
                + DEFAULT_MAX_IN_FLIGHT + " applies");
        return DEFAULT_MAX_IN_FLIGHT;
    }

    /**
     * Reads {@code module=limit,...}: each pair that is not a module name with a number from 1 to {@code maxInFlight}
     * is refused by its module name (the module keeps {@code maxInFlight}); the others apply.
     */
    static Map<String, Integer> byModule(String value, int maxInFlight, List<String> refusals) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        String text = value == null ? "" : value.strip();
        if (text.length() > MAX_BY_MODULE_LENGTH) {
            refusals.add("maxInFlightByModule is longer than " + MAX_BY_MODULE_LENGTH + " characters; every module has "
                    + "maxInFlight (" + maxInFlight + ")");
            return limits;
        }
        for (String pair : text.split(",")) {
            String entry = pair.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String module = equals < 0 ? entry : entry.substring(0, equals).strip();
            String limit = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (!ModuleProperties.isValidName(module)) {
                refusals.add("maxInFlightByModule entry '" + entry + "': '" + module + "' is not a module name");
            } else if (limits.containsKey(module)) {
                refusals.add("maxInFlightByModule entry '" + entry + "': module " + module + " is named twice; "
                        + limits.get(module) + " applies");
            } else if (!limit.matches("[0-9]{1,4}") || Integer.parseInt(limit) < 1
                    || Integer.parseInt(limit) > maxInFlight) {
                refusals.add("maxInFlightByModule entry '" + entry + "': the limit of module " + module
                        + " is not a number from 1 to maxInFlight (" + maxInFlight + "); " + maxInFlight + " applies");
            } else {
                limits.put(module, Integer.parseInt(limit));
            }
        }
        return limits;
    }
}
