package org.billinghost.jetpack.partner;

import java.util.List;

/**
 * The comparison of {@link LicenseLedger#report}; empty unless the outcome is ok.
 *
 * @param lines    every license the module recorded with a key, joined with the API's view of it
 * @param orphans  unrevoked licenses at the API that no service owns: billed to the partner for nothing
 * @param missing  licenses a service holds that the API does not know or has revoked
 * @since 1.3
 */
public record LicenseReport(ApiOutcome outcome, int attached, int detached, int revoked, List<Line> lines,
                            List<License> orphans, List<Line> missing) {

    public LicenseReport {
        lines = lines == null ? List.of() : List.copyOf(lines);
        orphans = orphans == null ? List.of() : List.copyOf(orphans);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public static LicenseReport failed(ApiOutcome outcome) {
        return new LicenseReport(outcome, 0, 0, 0, List.of(), List.of(), List.of());
    }

    /** Nothing to look at: no orphan, nothing missing. */
    public boolean clean() {
        return orphans.isEmpty() && missing.isEmpty();
    }

    /**
     * A license of a service.
     *
     * @param state   the module's state of it: {@code ACTIVE}, {@code RETIRING} (replaced, to be revoked), {@code REVOKED}
     * @param site    where the module attached it, empty when not attached
     * @param license the API's view, null when the API does not list it
     * @param clientId      the service's client, 0 when the service is gone
     * @param productName   the service's product, empty when the service is gone
     * @param serviceStatus the service's status label (Active, Terminated, ...), empty when the service is gone
     */
    public record Line(long serviceId, String productSlug, String key, String state, String site, License license,
                       long clientId, String productName, String serviceStatus) {
    }
}
