package org.billinghost.jetpack.sandbox.internal.licensing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The sandbox's catalogue: the slugs the Licensing API documentation names plus newer ones seen in Automattic's
 * own client, grouped in families, each with a partner price (invented: the real ones are per partner contract).
 */
final class Catalogue {

    private static final String MONTH = "month";

    record Family(String name, String slug, List<LicensedProduct> products) {
    }

    /** A family as the product-families endpoints list it. */
    record FamilyView(
            @JsonProperty("name") String name,
            @JsonProperty("slug") String slug,
            @JsonProperty("products") List<ProductView> products) {
    }

    /** The price fields only in the partner's list ({@code GET /partner/product-families}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductView(
            @JsonProperty("product_id") long productId,
            @JsonProperty("name") String name,
            @JsonProperty("slug") String slug,
            @JsonProperty("currency") String currency,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("price_interval") String priceInterval) {
    }

    static final List<Family> FAMILIES = List.of(
            family("Jetpack Plans", "jetpack-plans",
                    product(2002, "Jetpack Free", "free", "0.00"),
                    product(2005, "Jetpack Personal", "personal", "2.95"),
                    product(2000, "Jetpack Premium", "premium", "7.95"),
                    product(2001, "Jetpack Professional", "professional", "24.95")),
            family("Jetpack Backup", "jetpack-backup",
                    product(2100, "Jetpack Backup (Daily)", "jetpack-backup-daily", "4.95"),
                    product(2102, "Jetpack Backup (Real-time)", "jetpack-backup-realtime", "24.95"),
                    product(2112, "Jetpack VaultPress Backup (10GB)", "jetpack-backup-t1", "4.95"),
                    product(2114, "Jetpack VaultPress Backup (1TB)", "jetpack-backup-t2", "14.95")),
            family("Jetpack Scan", "jetpack-scan",
                    product(2106, "Jetpack Scan", "jetpack-scan", "4.95")),
            family("Jetpack Anti-spam", "jetpack-anti-spam",
                    product(2110, "Jetpack Akismet Anti-spam", "jetpack-anti-spam", "3.95")),
            family("Jetpack Packs", "jetpack-packs",
                    product(2010, "Jetpack Security (Daily)", "jetpack-security-daily", "9.95"),
                    product(2012, "Jetpack Security (Real-time)", "jetpack-security-realtime", "29.95"),
                    product(2016, "Jetpack Security (10GB)", "jetpack-security-t1", "9.95"),
                    product(2019, "Jetpack Security (1TB)", "jetpack-security-t2", "19.95"),
                    product(2014, "Jetpack Complete", "jetpack-complete", "39.95")),
            family("Jetpack VideoPress", "jetpack-videopress",
                    product(2116, "Jetpack VideoPress", "jetpack-videopress", "4.95")),
            family("Jetpack Boost", "jetpack-boost",
                    product(2401, "Jetpack Boost", "jetpack-boost", "9.95")),
            family("Jetpack Social", "jetpack-social",
                    product(2602, "Jetpack Social Advanced", "jetpack-social-advanced", "4.95")));

    private static final Map<String, LicensedProduct> BY_SLUG = FAMILIES.stream()
            .flatMap(f -> f.products().stream())
            .collect(Collectors.toUnmodifiableMap(LicensedProduct::slug, Function.identity()));

    private Catalogue() {
    }

    /** Slugs match exactly. */
    static Optional<LicensedProduct> bySlug(String slug) {
        return Optional.ofNullable(slug == null ? null : BY_SLUG.get(slug));
    }

    /** {@code GET /product-families}: every family, products without prices. */
    static List<FamilyView> publicFamilies() {
        return families(p -> true, p -> new ProductView(p.productId(), p.name(), p.slug(), null, null, null));
    }

    /** {@code GET /partner/product-families}: only what the partner may buy, at its cost; empty families left out. */
    static List<FamilyView> partnerFamilies(Predicate<LicensedProduct> allowed) {
        return families(allowed, p -> new ProductView(p.productId(), p.name(), p.slug(), LicensedProduct.CURRENCY,
                p.amount(), p.priceInterval()));
    }

    private static List<FamilyView> families(Predicate<LicensedProduct> included,
                                             Function<LicensedProduct, ProductView> view) {
        return FAMILIES.stream()
                .map(f -> new FamilyView(f.name(), f.slug(), f.products().stream().filter(included).map(view).toList()))
                .filter(f -> !f.products().isEmpty())
                .toList();
    }

    private static Family family(String name, String slug, ProductSeed... products) {
        return new Family(name, slug, Arrays.stream(products)
                .map(p -> new LicensedProduct(p.productId(), p.name(), p.slug(), slug, new BigDecimal(p.amount()), MONTH))
                .toList());
    }

    private record ProductSeed(long productId, String name, String slug, String amount) {
    }

    private static ProductSeed product(long productId, String name, String slug, String amount) {
        return new ProductSeed(productId, name, slug, amount);
    }
}
