package org.billinghost.jetpack.partner;

/**
 * One page of {@code GET /licenses}.
 *
 * @param filter     {@code not_revoked}, {@code detached}, {@code attached}, {@code revoked}, or empty for all
 * @param search     text the API searches for, or empty
 * @param page       1-based
 * @param perPage    1 to {@value #MAX_PER_PAGE}
 * @param sortField  {@code issued_at}, {@code attached_at} or {@code revoked_at}
 * @param descending newest first
 * @since 1.3
 */
public record LicenseQuery(String filter, String search, int page, int perPage, String sortField, boolean descending) {
    public static final int MAX_PER_PAGE = 100;

    public LicenseQuery {
        filter = filter == null ? "" : filter;
        search = search == null ? "" : search;
        page = Math.max(1, page);
        perPage = Math.min(MAX_PER_PAGE, Math.max(1, perPage));
        sortField = sortField == null || sortField.isBlank() ? "issued_at" : sortField;
    }

    /** The licenses of a filter, newest issued first, {@value #MAX_PER_PAGE} a page. */
    public static LicenseQuery newest(String filter, int page) {
        return new LicenseQuery(filter, "", page, MAX_PER_PAGE, "issued_at", true);
    }
}
