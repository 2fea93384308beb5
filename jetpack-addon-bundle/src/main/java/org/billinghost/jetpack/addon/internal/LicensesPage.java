package org.billinghost.jetpack.addon.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseLedger;
import org.billinghost.jetpack.partner.LicenseReport;
import org.billinghost.jetpack.partner.PartnerApi;

/**
 * Licenses ({@code templates/licenses.ftlh}): the partner's license counts, a searchable, paged list of the services'
 * licenses joined with the API's view, and the reconciliation view — licenses no service owns (Revoke, Assign to a
 * service) and services whose license the API no longer knows or revoked.
 */
final class LicensesPage {
    static final String SEARCH = "q";
    static final String PAGE = "page";
    static final String KEY = "license_key";
    static final String SERVICE_ID = "service_id";
    static final int PER_PAGE = 25;
    static final int MAX_SEARCH_LENGTH = 100;
    static final int MAX_KEY_LENGTH = 200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final ServiceSlot<LicenseLedger> ledger;
    private final ActivityLog activityLog;

    LicensesPage(Layout layout, ServiceSlot<LicenseLedger> ledger, ActivityLog activityLog) {
        this.layout = layout;
        this.ledger = ledger;
        this.activityLog = activityLog;
    }

    AddonPage show(AddonRequest request) {
        return page(request, new ArrayList<>());
    }

    /** POST license_key: revokes a license that no service owns. */
    AddonPage revoke(AddonRequest request) {
        return change(request, (api, token, key) -> api.revokeOrphan(token, key), "revoked the orphan license ");
    }

    /** POST license_key, service_id: gives a license no service owns to a service without a working one. */
    AddonPage assign(AddonRequest request) {
        String raw = request.parameter(SERVICE_ID).trim();
        long serviceId = parseId(raw);
        if (serviceId <= 0) {
            return page(request, new ArrayList<>(List.of(Alert.of(Kind.DANGER, "Enter the number of the service"
                    + " (e.g. 42) to assign the license to. Nothing was changed."))));
        }
        return change(request, (api, token, key) -> api.assign(token, key, serviceId),
                "assigned to service #" + serviceId + " the license ");
    }

    private interface Change {
        ApiOutcome apply(LicenseLedger ledger, String token, String key);
    }

    private AddonPage change(AddonRequest request, Change change, String done) {
        List<Map<String, Object>> alerts = new ArrayList<>();
        String key = request.parameter(KEY).trim();
        if (!request.isPost()) {
            alerts.add(CredentialsBanner.mustPost());
        } else if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            alerts.add(Alert.of(Kind.DANGER, key.isEmpty() ? "Choose a license. Nothing was changed."
                    : "The license key is longer than " + MAX_KEY_LENGTH + " characters, so it is not one. Nothing was changed."));
        } else if (ledger.get().isEmpty()) {
            alerts.add(PartnerApiAccess.unavailable());
        } else if (AddonSettings.licensingToken(request.config()).isEmpty()) {
            alerts.add(tokenMissing());
        } else {
            ApiOutcome outcome = change.apply(ledger.get().get(), AddonSettings.licensingToken(request.config()), key);
            activityLog.log(PartnerApi.PREFIX + "admin " + request.admin().username() + (outcome.ok() ? " " + done + key
                    : " could not change the license " + key + ": " + PartnerDetailsPage.withoutPrefix(outcome.message())), 0);
            alerts.add(Alert.of(outcome.ok() ? Kind.SUCCESS : Kind.DANGER, outcome.message()));
        }
        return page(request, alerts);
    }

    private AddonPage page(AddonRequest request, List<Map<String, Object>> alerts) {
        Map<String, Object> model = new HashMap<>();
        String search = request.parameter(SEARCH).trim();
        if (search.length() > MAX_SEARCH_LENGTH) {
            alerts.add(Alert.of(Kind.DANGER, "The search is longer than " + MAX_SEARCH_LENGTH + " characters; showing"
                    + " every license."));
            search = "";
        }
        model.put("search", search);
        model.put("fields", Map.of("search", SEARCH, "key", KEY, "serviceId", SERVICE_ID));
        model.put("searchAction", request.moduleLink().split("\\?", 2)[0]);
        model.put("searchHidden", searchHidden(request));
        model.put("revokeAction", Layout.actionLink(request, Actions.REVOKE_LICENSE));
        model.put("assignAction", Layout.actionLink(request, Actions.ASSIGN_LICENSE));
        String token = AddonSettings.licensingToken(request.config());
        Optional<LicenseLedger> service = ledger.get();
        LicenseReport report = null;
        if (token.isEmpty()) {
            alerts.add(tokenMissing());
        } else if (service.isEmpty()) {
            alerts.add(PartnerApiAccess.unavailable());
        } else {
            report = service.get().report(token);
            if (!report.outcome().ok()) {
                alerts.add(Alert.of(Kind.DANGER, report.outcome().message()));
                report = null;
            }
        }
        model.put("alerts", alerts);
        model.put("loaded", report != null);
        if (report != null) {
            model.put("counts", Map.of("attached", report.attached(), "detached", report.detached(),
                    "revoked", report.revoked()));
            String needle = search.toLowerCase(Locale.ROOT);
            List<Map<String, Object>> matching = report.lines().stream().map(LicensesPage::line)
                    .filter(l -> needle.isEmpty() || ((String) l.get("text")).contains(needle)).toList();
            int pages = Math.max(1, (matching.size() + PER_PAGE - 1) / PER_PAGE);
            int page = (int) Math.min(pages, Math.max(1, parseId(request.parameter(PAGE))));
            model.put("lines", matching.subList((page - 1) * PER_PAGE, Math.min(matching.size(), page * PER_PAGE)));
            model.put("total", matching.size());
            model.put("pageNumber", page);
            model.put("pages", pages);
            model.put("previous", page > 1 ? pageLink(request, search, page - 1) : "");
            model.put("next", page < pages ? pageLink(request, search, page + 1) : "");
            model.put("orphans", report.orphans().stream().map(LicensesPage::orphan).toList());
            model.put("missing", report.missing().stream().map(LicensesPage::line).toList());
        }
        return layout.page(request, Actions.LICENSES, "licenses.ftlh", model);
    }

    private static Map<String, Object> line(LicenseReport.Line line) {
        License license = line.license();
        String apiState = license == null ? "unknown to the API" : license.revoked() ? "revoked"
                : license.attached() ? "attached" : "detached";
        String site = license != null && license.attached() && !license.siteUrl().isEmpty() ? license.siteUrl() : line.site();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("serviceId", Long.toString(line.serviceId()));
        row.put("serviceHref", HostPaths.service(line.serviceId()));
        row.put("clientId", line.clientId() > 0 ? Long.toString(line.clientId()) : "");
        row.put("product", line.productName().isEmpty() ? line.productSlug() : line.productName() + " (" + line.productSlug() + ")");
        row.put("status", line.serviceStatus());
        row.put("key", line.key());
        row.put("site", site);
        row.put("state", apiState + (line.state().equals("RETIRING") ? ", replaced (to be revoked)" : ""));
        row.put("issued", date(license == null ? null : license.issuedAt()));
        row.put("attached", date(license == null ? null : license.attachedAt()));
        row.put("revoked", date(license == null ? null : license.revokedAt()));
        row.put("text", String.join(" ", line.key(), site, line.productSlug(), line.productName(), "#" + line.serviceId(),
                Long.toString(line.clientId()), line.serviceStatus(), apiState).toLowerCase(Locale.ROOT));
        return row;
    }

    private static Map<String, Object> orphan(License license) {
        return Map.of("key", license.key(), "product", license.product(), "issued", date(license.issuedAt()),
                "site", license.attached() ? license.siteUrl() : "");
    }

    private static Map<String, Object> tokenMissing() {
        return Alert.withLink(Kind.WARNING, "The Licensing API token is not configured, so the licenses cannot be listed.",
                HostPaths.CONFIGURE_ADDON, "Configure the addon");
    }

    /** The module link's query parameters as hidden fields, so that the GET search form keeps them. */
    private static List<Map<String, String>> searchHidden(AddonRequest request) {
        List<Map<String, String>> hidden = new ArrayList<>();
        String[] parts = request.moduleLink().split("\\?", 2);
        if (parts.length == 2) {
            for (String pair : parts[1].split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    hidden.add(Map.of("name", pair.substring(0, eq), "value", pair.substring(eq + 1)));
                }
            }
        }
        hidden.add(Map.of("name", "action", "value", Actions.LICENSES));
        return hidden;
    }

    private static String pageLink(AddonRequest request, String search, int page) {
        return Layout.actionLink(request, Actions.LICENSES) + "&" + PAGE + "=" + page
                + (search.isEmpty() ? "" : "&" + SEARCH + "=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
