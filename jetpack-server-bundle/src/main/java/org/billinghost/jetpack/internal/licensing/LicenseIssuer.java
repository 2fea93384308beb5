package org.billinghost.jetpack.internal.licensing;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicensePage;
import org.billinghost.jetpack.partner.LicenseProduct;
import org.billinghost.jetpack.partner.LicenseQuery;
import org.billinghost.jetpack.partner.LicenseResult;
import org.billinghost.jetpack.partner.LicensingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a service's license exactly once although {@code POST /license} is not idempotent.
 *
 * <p>The intent is committed before the call. A later attempt that finds an open intent (the answer was lost, or the
 * host died before storing the key) first looks at the API for a detached license of the product issued since the
 * intent (less {@link #CLOCK_SKEW}) that no row owns, adopts the oldest such license, and issues only when there is
 * none. Issue and adoption of one product slug run one at a time in this host, so a license found unowned is never
 * one whose answer another command is still waiting for.
 */
final class LicenseIssuer {
    /** How far the API's clock may be behind ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Pages of 100 licenses looked at, at most, when reconciling (newest first, so only a burst reaches it). */
    static final int MAX_PAGES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(LicenseIssuer.class);

    private final LicensingApi api;
    private final LicenseRecords records;
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lateAnswers;

    /**
     * {@code lateAnswers}: how long after an issue call was sent the API may still carry it out (the client's call
     * time-out plus the margin the server may take after the client gave up); no issue is sent again for the intent
     * within it, as the first call's license may still appear.
     */
    LicenseIssuer(LicensingApi api, LicenseRecords records, Clock clock, Duration lateAnswers) {
        this.api = api;
        this.records = records;
        this.clock = clock;
        this.lateAnswers = lateAnswers;
    }

    /** A license row, or why there is none (a failed outcome). */
    record Obtained(LicenseRecord record, ApiOutcome failure) {
        static Obtained failed(ApiOutcome failure) {
            return new Obtained(null, failure);
        }
    }

    /** The service's ACTIVE license of {@code slug}: the recorded one, an adopted one, or a newly issued one. */
    Obtained obtain(long serviceId, String token, String slug) {
        return locked(slug, () -> {
            Optional<LicenseRecord> active = records.forService(serviceId).stream()
                    .filter(r -> r.state() == State.ACTIVE && r.productSlug().equals(slug))
                    .reduce((first, second) -> second);
            if (active.isPresent()) {
                return new Obtained(active.get(), null);
            }
            Optional<LicenseRecord> intent = records.forService(serviceId).stream()
                    .filter(r -> r.state() == State.INTENT && r.productSlug().equals(slug)).findFirst();
            if (intent.isPresent()) {
                Obtained adopted = adopt(intent.get(), token);
                if (adopted.failure() != null || adopted.record() != null) {
                    return adopted;
                }
            }
            // Not only this intent's own call: an adoption may have taken the license of another call still
            // outstanding (a time-out here, or a killed host's), whose license then is this intent's. A second issue
            // waits until no call of the product sent within the window can still bring one.
            Optional<Instant> lastSent = intent.isPresent() && intent.get().issueSentAt() != null
                    ? records.lastIssueSent(slug) : Optional.empty();
            if (lastSent.isPresent()) {
                Duration wait = Duration.between(clock.instant(), lastSent.get().plus(lateAnswers));
                if (!wait.isNegative() && !wait.isZero()) {
                    return Obtained.failed(ApiOutcome.transientFailure(PREFIX + "The last issue call for this service"
                            + " got no answer and the API may still carry it out; nothing is issued again before "
                            + lateAnswers.toSeconds() + " seconds have passed since the last issue call for this"
                            + " product was sent (the license is looked for first).", wait));
                }
            }
            LicenseRecord row = intent.orElseGet(() -> records.intend(serviceId, slug));
            records.issueSent(row.id());
            LicenseResult issued = api.issue(token, slug);
            if (!issued.outcome().ok()) {
                records.failed(row.id(), issued.outcome().message());
                if (!issued.outcome().transientFailure()) {
                    return Obtained.failed(issued.outcome());
                }
                // the answer may be lost although the license was issued: look for it at once
                Obtained adopted = adopt(row, token);
                return adopted.record() != null ? adopted : Obtained.failed(lost(issued.outcome()));
            }
            try {
                records.issued(row.id(), issued.license());
            } catch (DatabaseException e) {
                LOG.error("JETPACK MODULE: license issued but not stored service={} key={}", serviceId,
                        issued.license().key(), e);
                return Obtained.failed(ApiOutcome.transientFailure(PREFIX + "The license " + issued.license().key()
                        + " was issued but could not be saved. Run the command again: it adopts this license instead"
                        + " of issuing another.", null));
            }
            LOG.info("JETPACK MODULE: license issued service={} product={} key={}", serviceId, slug, issued.license().key());
            return new Obtained(records.find(row.id()).orElseThrow(), null);
        });
    }

    /**
     * Resolves an open intent without issuing: adopts a matching unowned license, or answers no record (and no
     * failure) when the API has none. Used by Terminate, which must not leave a billed license behind.
     */
    Obtained adoptOnly(LicenseRecord intent, String token) {
        return locked(intent.productSlug(), () -> adopt(intent, token));
    }

    private Obtained adopt(LicenseRecord intent, String token) {
        Instant since = intent.intentAt().minus(CLOCK_SKEW);
        List<License> candidates = new ArrayList<>();
        LicenseCatalogue catalogue = api.catalogue();
        Optional<LicenseProduct> product = catalogue.product(intent.productSlug());
        for (int page = 1; page <= MAX_PAGES; page++) {
            LicensePage found = api.licenses(token, LicenseQuery.newest("detached", page));
            if (!found.outcome().ok()) {
                return Obtained.failed(found.outcome());
            }
            boolean older = false;
            for (License license : found.items()) {
                if (license.issuedAt() != null && license.issuedAt().isBefore(since)) {
                    older = true;
                } else if (!license.revoked() && matches(license, intent.productSlug(), product)) {
                    candidates.add(license);
                }
            }
            if (older || !found.hasNext()) {
                break;
            }
        }
        Set<String> owned = records.owned(candidates.stream().map(License::key).toList());
        List<License> free = candidates.stream().filter(l -> !owned.contains(l.key()))
                .sorted(Comparator.comparing(License::issuedAt, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        for (License license : free) {
            try {
                records.issued(intent.id(), license);
                LOG.info("JETPACK MODULE: license adopted after a lost answer service={} product={} key={} others={}",
                        intent.serviceId(), intent.productSlug(), license.key(), free.size() - 1);
                return new Obtained(records.find(intent.id()).orElseThrow(), null);
            } catch (DatabaseException e) {
                // another host's row took it meanwhile (unique key): try the next one
                LOG.info("JETPACK MODULE: license already owned, trying the next key={}", license.key());
            }
        }
        return new Obtained(null, null);
    }

    /** The list answer names the product by slug, name or id; a license of another product never matches. */
    static boolean matches(License license, String slug, Optional<LicenseProduct> product) {
        if (license.product().equals(slug)) {
            return true;
        }
        return product.map(p -> (p.productId() > 0 && p.productId() == license.productId())
                || (!p.name().isEmpty() && p.name().equals(license.product()))).orElse(false);
    }

    private <T> T locked(String slug, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(slug, s -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static ApiOutcome lost(ApiOutcome outcome) {
        return ApiOutcome.transientFailure(outcome.message() + " The license may have been issued all the same: the next"
                + " attempt looks for it at the API before issuing another.", outcome.retryAfter());
    }
}
