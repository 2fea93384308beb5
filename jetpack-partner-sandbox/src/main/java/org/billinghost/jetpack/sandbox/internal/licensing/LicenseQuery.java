package org.billinghost.jetpack.sandbox.internal.licensing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code GET /licenses}: filter, search, sort and page one partner's licenses. Licenses without the sort date come
 * last in either direction; equal dates keep the issue order in the asked direction, so pages never overlap.
 */
record LicenseQuery(String filter, String search, int page, int perPage, String sortField, boolean ascending) {

    static final int MAX_PER_PAGE = 100;
    static final int DEFAULT_PER_PAGE = 10;
    static final int MAX_SEARCH_LENGTH = 200;
    static final List<String> FILTERS = List.of("not_revoked", "detached", "attached", "revoked");
    static final List<String> SORT_FIELDS = List.of("issued_at", "attached_at", "revoked_at");
    static final List<String> DIRECTIONS = List.of("asc", "desc");

    /** The answer: one page and where it stands. */
    record Page(
            @JsonProperty("items") List<LicenseSnapshot.ApiView> items,
            @JsonProperty("current_page") int currentPage,
            @JsonProperty("items_per_page") int itemsPerPage,
            @JsonProperty("total_items") int totalItems,
            @JsonProperty("total_pages") int totalPages) {
    }

    /** @throws LicensingError naming the first unusable parameter */
    static LicenseQuery of(Parameters parameters) {
        return new LicenseQuery(
                parameters.oneOf("filter", FILTERS, ""),
                parameters.optional("search", MAX_SEARCH_LENGTH).map(s -> s.toLowerCase(Locale.ROOT)).orElse(""),
                parameters.number("page", 1, 1_000_000, 1),
                parameters.number("per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE),
                parameters.oneOf("sort_field", SORT_FIELDS, "issued_at"),
                "asc".equals(parameters.oneOf("sort_direction", DIRECTIONS, "desc")));
    }

    /** {@code licenses}: one partner's, oldest first. */
    Page run(List<LicenseSnapshot> licenses) {
        List<LicenseSnapshot> matching = licenses.stream().filter(this::matchesFilter).filter(this::matchesSearch)
                .sorted(order()).toList();
        int from = (int) Math.min((long) (page - 1) * perPage, matching.size());
        int to = Math.min(from + perPage, matching.size());
        List<LicenseSnapshot.ApiView> items = matching.subList(from, to).stream().map(LicenseSnapshot::apiView).toList();
        int totalPages = (matching.size() + perPage - 1) / perPage;
        return new Page(items, page, perPage, matching.size(), totalPages);
    }

    /** A license counts in the filter of the same name (all of them without a filter). */
    static boolean inFilter(String filter, LicenseSnapshot license) {
        LicenseSnapshot.State state = license.state();
        return switch (filter) {
            case "not_revoked" -> state != LicenseSnapshot.State.REVOKED;
            case "detached" -> state == LicenseSnapshot.State.DETACHED;
            case "attached" -> state == LicenseSnapshot.State.ATTACHED;
            case "revoked" -> state == LicenseSnapshot.State.REVOKED;
            default -> true;
        };
    }

    private boolean matchesFilter(LicenseSnapshot license) {
        return inFilter(filter, license);
    }

    /** Case-insensitive, in the key, the product's slug and name, the site URL and the blog id. */
    private boolean matchesSearch(LicenseSnapshot license) {
        if (search.isEmpty()) {
            return true;
        }
        Predicate<String> contains = text -> text != null && text.toLowerCase(Locale.ROOT).contains(search);
        return contains.test(license.key()) || contains.test(license.product().slug())
                || contains.test(license.product().name()) || contains.test(license.siteUrl())
                || (license.blogId() != null && contains.test(license.blogId().toString()));
    }

    private Comparator<LicenseSnapshot> order() {
        Function<LicenseSnapshot, Instant> date = switch (sortField) {
            case "attached_at" -> LicenseSnapshot::attachedAt;
            case "revoked_at" -> LicenseSnapshot::revokedAt;
            default -> LicenseSnapshot::issuedAt;
        };
        Comparator<LicenseSnapshot> byDate = Comparator.comparing(date, Comparator.nullsLast(
                ascending ? Comparator.<Instant>naturalOrder() : Comparator.<Instant>reverseOrder()));
        Comparator<LicenseSnapshot> byId = Comparator.comparingLong(LicenseSnapshot::id);
        return byDate.thenComparing(ascending ? byId : byId.reversed());
    }
}
