package org.billinghost.jetpack.sandbox.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One site the sandbox has seen. Each site guards its own state, so calls for different sites never wait
 * for each other.
 */
public final class Site {

    enum ProvisionResult { DONE, DOWNGRADE, OTHER_PARTNER }

    enum CancelResult { DONE, NOTHING_TO_CANCEL, OTHER_PARTNER }

    private final SiteAddress address;
    private final long blogId;
    private final Map<Product.Family, Product> active = new EnumMap<>(Product.Family.class);
    private String partnerId = "";
    private String lastPlan = "";
    private String localUser = "";
    private boolean connected;
    private long provisionCount;
    private long forcedRegistrations;
    private long cancelCount;

    Site(SiteAddress address, long blogId) {
        this.address = address;
        this.blogId = blogId;
    }

    public SiteAddress address() {
        return address;
    }

    public long blogId() {
        return blogId;
    }

    synchronized ProvisionResult provision(String callingPartner, Product product, String user, boolean forceRegister) {
        provisionCount++;
        if (forceRegister) {
            forcedRegistrations++;
        }
        if (isActive() && !partnerId.equals(callingPartner)) {
            return ProvisionResult.OTHER_PARTNER;
        }
        Product held = active.get(product.family());
        if (held != null && held.outranks(product)) {
            return ProvisionResult.DOWNGRADE;
        }
        active.put(product.family(), product);
        partnerId = callingPartner;
        localUser = user;
        if (product.isPlan()) {
            lastPlan = product.slug();
        }
        return ProvisionResult.DONE;
    }

    /** Cancels one product, or everything the site holds when {@code only} is empty. */
    synchronized CancelResult cancel(String callingPartner, Optional<Product> only) {
        cancelCount++;
        if (!isActive()) {
            return CancelResult.NOTHING_TO_CANCEL;
        }
        if (!partnerId.equals(callingPartner)) {
            return CancelResult.OTHER_PARTNER;
        }
        if (only.isEmpty()) {
            active.clear();
            return CancelResult.DONE;
        }
        return active.remove(only.get().family(), only.get()) ? CancelResult.DONE : CancelResult.NOTHING_TO_CANCEL;
    }

    /**
     * The customer finished the Jetpack connection (followed the activation link); it outlives cancellations.
     *
     * @return whether the site was connected already, so that of concurrent callers exactly one connects it
     */
    public synchronized boolean connect() {
        boolean before = connected;
        connected = true;
        return before;
    }

    synchronized boolean connected() {
        return connected;
    }

    synchronized SiteStatus status(String callingPartner) {
        Product plan = active.get(Product.Family.PLANS);
        return new SiteStatus(plan == null ? "" : plan.slug(), plan != null,
                isActive() && partnerId.equals(callingPartner), connected, plan != null && !connected, products(), blogId);
    }

    /** Per listed family, the slugs that may still be provisioned: everything ranked above what the site holds. */
    synchronized Map<String, List<String>> upgradePaths() {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (Product.Family family : Product.Family.values()) {
            if (family.listedInUpgradePaths()) {
                paths.put(family.slug(), new ArrayList<>());
            }
        }
        for (Product product : Product.values()) {
            List<String> family = paths.get(product.family().slug());
            Product held = active.get(product.family());
            if (family != null && (held == null || product.outranks(held))) {
                family.add(product.slug());
            }
        }
        return paths;
    }

    synchronized SiteView view() {
        return new SiteView(address.identifier(), address.url(), blogId, lastPlan, products(), partnerId,
                isActive() ? "provisioned" : "cancelled", connected, localUser, provisionCount, forcedRegistrations, cancelCount);
    }

    private boolean isActive() {
        return !active.isEmpty();
    }

    /** The standalone items held, beside the plan. */
    private List<String> products() {
        return active.values().stream().filter(p -> !p.isPlan()).map(Product::slug).toList();
    }
}
