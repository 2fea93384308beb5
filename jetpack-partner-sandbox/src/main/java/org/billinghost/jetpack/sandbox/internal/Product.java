package org.billinghost.jetpack.sandbox.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the Partner API provisions: the plans and the standalone items, each ranked within its family. */
enum Product {
    FREE("free", Family.PLANS, 0),
    PERSONAL("personal", Family.PLANS, 1),
    PREMIUM("premium", Family.PLANS, 2),
    PROFESSIONAL("professional", Family.PLANS, 3),
    BACKUP_DAILY("jetpack-backup-daily", Family.BACKUP, 0),
    BACKUP_REALTIME("jetpack-backup-realtime", Family.BACKUP, 1),
    SCAN("jetpack-scan", Family.SCAN, 0),
    ANTI_SPAM("jetpack-anti-spam", Family.ANTI_SPAM, 0);

    /** A site holds at most one product of each family; a lower rank than the one held is a downgrade. */
    enum Family {
        PLANS("jetpack-plans", true),
        BACKUP("jetpack-backup", true),
        SCAN("jetpack-scan", false),
        ANTI_SPAM("jetpack-anti-spam", false);

        private final String slug;
        private final boolean listedInUpgradePaths;

        Family(String slug, boolean listedInUpgradePaths) {
            this.slug = slug;
            this.listedInUpgradePaths = listedInUpgradePaths;
        }

        String slug() {
            return slug;
        }

        /** The upgrade-paths endpoint lists the two families the API documents. */
        boolean listedInUpgradePaths() {
            return listedInUpgradePaths;
        }
    }

    private static final Map<String, Product> BY_SLUG =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Product::slug, Function.identity()));

    private final String slug;
    private final Family family;
    private final int rank;

    Product(String slug, Family family, int rank) {
        this.slug = slug;
        this.family = family;
        this.rank = rank;
    }

    /** Slugs are matched exactly, as the API does. */
    static Optional<Product> bySlug(String slug) {
        return Optional.ofNullable(slug == null ? null : BY_SLUG.get(slug));
    }

    String slug() {
        return slug;
    }

    Family family() {
        return family;
    }

    boolean isPlan() {
        return family == Family.PLANS;
    }

    boolean outranks(Product other) {
        return family == other.family && rank > other.rank;
    }
}
