package org.billinghost.api.billing;

/**
 * How an admin asks for a list: part of a name, e-mail, domain or number ({@code search}, null or blank for
 * all), the column to sort by ({@code sort}: one of the list's sort keys, null or blank for its default) and
 * the direction. A sort key the list does not know is refused ({@link BillingException} naming the field
 * {@code sort}); the search is only ever a bound parameter.
 */
public record ListQuery(String search, String sort, boolean descending) {
    /** The longest search a list takes. */
    public static final int MAX_SEARCH = 255;

    /** Every row in the list's default order. */
    public static final ListQuery ALL = new ListQuery(null, null, false);

    public ListQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        sort = sort == null || sort.isBlank() ? null : sort.strip();
        if (search != null && search.length() > MAX_SEARCH) {
            throw BillingException.invalid("search", "The search is longer than " + MAX_SEARCH + " characters.");
        }
    }
}
