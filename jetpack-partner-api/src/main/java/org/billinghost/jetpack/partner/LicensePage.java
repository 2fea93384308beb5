package org.billinghost.jetpack.partner;

import java.util.List;

/**
 * One page of licenses; empty unless the outcome is ok.
 *
 * @since 1.3
 */
public record LicensePage(ApiOutcome outcome, List<License> items, int page, int totalPages, int totalItems) {

    public LicensePage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static LicensePage failed(ApiOutcome outcome) {
        return new LicensePage(outcome, List.of(), 0, 0, 0);
    }

    public boolean hasNext() {
        return outcome.ok() && page < totalPages;
    }
}
