package org.billinghost.jetpack.internal.licensing;

import static org.billinghost.jetpack.partner.PartnerApi.PREFIX;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.billing.ServiceAccount;
import org.billinghost.api.billing.Services;
import org.billinghost.api.platform.Catalog;
import org.billinghost.api.platform.DatabaseException;
import org.billinghost.api.platform.ModuleDatabase;
import org.billinghost.api.platform.Product;
import org.billinghost.jetpack.internal.licensing.LicenseRecord.State;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseCatalogue;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicensePage;
import org.billinghost.jetpack.partner.LicenseQuery;
import org.billinghost.jetpack.partner.LicenseReport;
import org.billinghost.jetpack.partner.LicenseResult;
import org.billinghost.jetpack.partner.LicensingApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link LicenseLedger}: the API's licenses against the module's table. */
@Component(service = LicenseLedger.class)
public final class LicenseLedgerComponent implements LicenseLedger {
    /** Pages of 100 read at most: a partner with more licenses sees the first 10,000 (newest first). */
    static final int MAX_PAGES = 100;
    static final int MAX_KEY_LENGTH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LicenseLedgerComponent.class);

    private final LicensingApi api;
    private final LicenseRecords records;
    private final Services services;
    private final Catalog catalog;

    @Activate
    public LicenseLedgerComponent(@Reference LicensingApi api, @Reference ModuleDatabase database,
                                  @Reference Services services, @Reference Catalog catalog) {
        this(api, new LicenseRecords(database, Clock.systemUTC()), services, catalog);
    }

    LicenseLedgerComponent(LicensingApi api, LicenseRecords records, Services services, Catalog catalog) {
        this.api = api;
        this.records = records;
        this.services = services;
        this.catalog = catalog;
    }

    @Override
    public LicenseReport report(String token) {
        Map<String, License> atApi = new HashMap<>();
        List<License> listed = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            LicensePage found = api.licenses(token, LicenseQuery.newest("", page));
            if (!found.outcome().ok()) {
                return LicenseReport.failed(found.outcome());
            }
            found.items().forEach(l -> {
                if (atApi.putIfAbsent(l.key(), l) == null) {
                    listed.add(l);
                }
            });
            if (!found.hasNext()) {
                break;
            }
        }
        List<LicenseRecord> rows = records.all();
        Map<String, LicenseRecord> owned = new HashMap<>();
        rows.stream().filter(r -> !r.key().isEmpty()).forEach(r -> owned.put(r.key(), r));
        List<LicenseReport.Line> lines = new ArrayList<>();
        List<LicenseReport.Line> missing = new ArrayList<>();
        for (LicenseRecord row : rows) {
            if (row.key().isEmpty()) {
                continue;
            }
            License license = atApi.get(row.key());
            Optional<ServiceAccount> service = services.get(row.serviceId());
            LicenseReport.Line line = new LicenseReport.Line(row.serviceId(), row.productSlug(), row.key(),
                    row.state().name(), row.attached() ? row.site() : "", license,
                    service.map(ServiceAccount::clientId).orElse(0L), service.map(ServiceAccount::productName).orElse(""),
                    service.map(s -> s.status().label()).orElse(""));
            lines.add(line);
            if (row.state() == State.ACTIVE && (license == null || license.revoked())) {
                missing.add(line);
            }
        }
        LicenseCatalogue catalogue = api.catalogue();
        List<LicenseRecord> intents = rows.stream().filter(r -> r.state() == State.INTENT).toList();
        List<License> orphans = listed.stream().filter(l -> !l.revoked() && !owned.containsKey(l.key()))
                .filter(l -> intents.stream().noneMatch(i -> pendingFor(i, l, catalogue))).toList();
        int attached = (int) listed.stream().filter(License::attached).count();
        int revoked = (int) listed.stream().filter(License::revoked).count();
        return new LicenseReport(ApiOutcome.success("The partner has " + listed.size() + " licenses; " + orphans.size()
                + " no service owns, " + missing.size() + " services' licenses are missing or revoked at the API."),
                attached, listed.size() - attached - revoked, revoked, lines, orphans, missing);
    }

    /** The open intent's next attempt would adopt it: it is not forgotten, only waiting for that attempt. */
    private static boolean pendingFor(LicenseRecord intent, License license, LicenseCatalogue catalogue) {
        return !license.attached() && license.issuedAt() != null
                && !license.issuedAt().isBefore(intent.intentAt().minus(LicenseIssuer.CLOCK_SKEW))
                && LicenseIssuer.matches(license, intent.productSlug(), catalogue.product(intent.productSlug()));
    }

    @Override
    public ApiOutcome revokeOrphan(String token, String key) {
        String k = key == null ? "" : key.trim();
        ApiOutcome invalid = keyProblem(k);
        if (invalid != null) {
            return invalid;
        }
        if (!records.owned(List.of(k)).isEmpty()) {
            return ApiOutcome.failure(PREFIX + "The license " + k + " belongs to a service: terminate the service to"
                    + " revoke it. Nothing was sent.", false);
        }
        LicenseResult revoked = api.revoke(token, k);
        if (revoked.outcome().ok() || revoked.refusedWith("license_already_revoked")) {
            LOG.info("JETPACK MODULE: orphan license revoked key={}", k);
            return ApiOutcome.success("The license " + k + " was revoked.");
        }
        return revoked.outcome();
    }

    @Override
    public ApiOutcome assign(String token, String key, long serviceId) {
        String k = key == null ? "" : key.trim();
        ApiOutcome invalid = keyProblem(k);
        if (invalid != null) {
            return invalid;
        }
        Optional<ServiceAccount> service = services.get(serviceId)
                .filter(s -> JetpackLicensingModule.NAME.equals(s.module()));
        if (service.isEmpty()) {
            return ApiOutcome.failure(PREFIX + "There is no service #" + serviceId + " of a Jetpack license product."
                    + " Enter the id of such a service. Nothing was changed.", false);
        }
        if (!records.owned(List.of(k)).isEmpty()) {
            return ApiOutcome.failure(PREFIX + "The license " + k + " already belongs to a service. Nothing was changed.",
                    false);
        }
        List<LicenseRecord> live = records.forService(serviceId).stream().filter(r -> r.state() == State.ACTIVE).toList();
        LicenseResult atApi = api.license(token, k);
        if (!atApi.outcome().ok()) {
            return atApi.outcome();
        }
        if (atApi.license().revoked()) {
            return ApiOutcome.failure(PREFIX + "The license " + k + " is revoked and can never be used again. Nothing"
                    + " was changed.", false);
        }
        for (LicenseRecord row : live) {
            LicenseResult held = api.license(token, row.key());
            if (held.outcome().ok() && !held.license().revoked()) {
                return ApiOutcome.failure(PREFIX + "Service #" + serviceId + " has a working license (" + row.key()
                        + "). Nothing was changed: revoke the orphan instead, or terminate the service first.", false);
            }
            if (!held.outcome().ok() && !held.refusedWith("license_not_found")) {
                return held.outcome();
            }
        }
        String slug = catalog.product(service.get().productId()).map(Product::configOptions)
                .filter(o -> o.size() >= 2).map(o -> o.get(1).trim()).orElse("");
        try {
            // the service's old key is unusable (revoked or unknown at the API): the new one replaces it
            records.assign(serviceId, slug, atApi.license(), live.stream().map(LicenseRecord::id).toList());
        } catch (DatabaseException e) {
            LOG.warn("JETPACK MODULE: could not assign license key={} service={}: {}", k, serviceId, e.getMessage());
            return ApiOutcome.failure(PREFIX + "The license could not be saved to service #" + serviceId + " (the"
                    + " database refused; the host's log says why). Nothing was changed.", false);
        }
        LOG.info("JETPACK MODULE: license assigned key={} service={}", k, serviceId);
        return ApiOutcome.success("The license " + k + " is now the license of service #" + serviceId + ".");
    }

    private static ApiOutcome keyProblem(String key) {
        if (key.isEmpty()) {
            return ApiOutcome.failure(PREFIX + "Enter a license key. Nothing was changed.", false);
        }
        return key.length() > MAX_KEY_LENGTH ? ApiOutcome.failure(PREFIX + "The license key is longer than "
                + MAX_KEY_LENGTH + " characters, so it is not one. Nothing was changed.", false) : null;
    }
}
