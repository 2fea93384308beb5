package org.billinghost.jetpack.sandbox.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Every site the sandbox has seen, by identifier and by blog id. Lock-free lookups; each site locks itself. */
public final class SiteRegistry {

    /** Blog ids look like WordPress.com ones and cannot be mistaken for small test numbers. */
    static final long FIRST_BLOG_ID = 200_000_001L;

    private static final Pattern BLOG_ID = Pattern.compile("[0-9]{1,18}");

    private final Map<String, Site> byIdentifier = new ConcurrentHashMap<>();
    private final Map<Long, Site> byBlogId = new ConcurrentHashMap<>();
    private final AtomicLong nextBlogId = new AtomicLong(FIRST_BLOG_ID);

    public Site getOrCreate(SiteAddress address) {
        return byIdentifier.computeIfAbsent(address.identifier(), key -> {
            Site site = new Site(address, nextBlogId.getAndIncrement());
            byBlogId.put(site.blogId(), site);
            return site;
        });
    }

    /** Finds a site by the {@code {site}} or {@code {blog_id}} part of a path. */
    public Optional<Site> find(String pathIdentifier) {
        if (BLOG_ID.matcher(pathIdentifier).matches()) {
            return Optional.ofNullable(byBlogId.get(Long.parseLong(pathIdentifier)));
        }
        return SiteAddress.fromIdentifier(pathIdentifier).map(a -> byIdentifier.get(a.identifier()));
    }

    List<Site> all() {
        return byIdentifier.values().stream().sorted(Comparator.comparingLong(Site::blogId)).toList();
    }

    void clear() {
        byIdentifier.clear();
        byBlogId.clear();
        nextBlogId.set(FIRST_BLOG_ID);
    }
}
