package org.billinghost.core.internal.commands;

/** The worker pool's settings, parsed once from {@link JobsConfiguration}. */
public record JobSettings(int workers, long pollMillis, long leaseMillis, int maxAttempts, long backoffBaseMillis,
                          long backoffMaxMillis, long shutdownWaitMillis) {

    public JobSettings {
        if (workers < 1 || pollMillis < 10 || leaseMillis < 1000 || maxAttempts < 1 || backoffBaseMillis < 0
                || backoffMaxMillis < backoffBaseMillis || shutdownWaitMillis < 0) {
            throw new IllegalArgumentException("Invalid job queue settings: " + workers + " workers, poll " + pollMillis
                    + " ms, lease " + leaseMillis + " ms, " + maxAttempts + " attempts, back-off " + backoffBaseMillis
                    + ".." + backoffMaxMillis + " ms");
        }
    }

    public static JobSettings defaults() {
        return new JobSettings(8, 1000, 60_000, 8, 2000, 600_000, 20_000);
    }

    public static JobSettings of(JobsConfiguration config) {
        return new JobSettings(config.workers(), config.pollMillis(), config.leaseSeconds() * 1000L,
                config.maxAttempts(), config.backoffBaseMillis(), config.backoffMaxMillis(),
                config.shutdownWaitSeconds() * 1000L);
    }
}
