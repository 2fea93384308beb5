package org.billinghost.jetpack.addon.internal;

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
import org.billinghost.api.platform.WebAddress;
import org.billinghost.jetpack.addon.internal.Alert.Kind;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;

/**
 * Provision Jetpack Plans ({@code templates/provision.ftlh}): a plan for a site straight through the
 * Partner API, without an order.
 */
final class ProvisionPage {
    static final String PLAN = "plan";
    static final String SITE_URL = "site_url";
    static final String LOCAL_USER = "local_user";
    static final String ID = "id";
    /** A WordPress user name is at most 60 characters, an e-mail address 254. */
    static final int MAX_LOCAL_USER_LENGTH = 254;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Layout layout;
    private final PartnerApiAccess api;
    private final ActivityLog activityLog;
    private final ManualPlans manualPlans;

    ProvisionPage(Layout layout, PartnerApiAccess api, ActivityLog activityLog, ManualPlans manualPlans) {
        this.layout = layout;
        this.api = api;
        this.activityLog = activityLog;
        this.manualPlans = manualPlans;
    }

    AddonPage show(AddonRequest request) {
        return page(request, Alert.none(), "", "", "");
    }

    /**
     * POST plan, site_url, local_user. The outcome is rendered, not redirected to: the activation
     * link is shown once and never travels in a URL.
     */
    AddonPage provision(AddonRequest request) {
        String planValue = request.parameter(PLAN);
        String siteUrl = request.parameter(SITE_URL).trim();
        String localUser = request.parameter(LOCAL_USER).trim();
        if (!request.isPost()) {
            return page(request, List.of(CredentialsBanner.mustPost()), planValue, siteUrl, localUser);
        }
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        if (!credentials.complete()) {
            return page(request, List.of(Alert.of(Kind.DANGER, "Nothing was provisioned: the partner credentials are not configured.")),
                    planValue, siteUrl, localUser);
        }
        List<String> problems = new ArrayList<>();
        Optional<Plan> plan = Plan.parse(planValue);
        if (plan.isEmpty()) {
            problems.add("Choose one of the four plans: Free, Personal, Premium or Professional.");
        }
        if (siteUrl.isEmpty()) {
            problems.add("Enter the site URL, e.g. example.com or https://example.com/blog.");
        } else {
            WebAddress.problem(siteUrl).ifPresent(problem -> problems.add("The site URL is not a valid web address: "
                    + problem + ". Enter e.g. example.com or https://example.com/blog."));
        }
        if (localUser.length() > MAX_LOCAL_USER_LENGTH) {
            problems.add("The local user is longer than " + MAX_LOCAL_USER_LENGTH + " characters.");
        } else if (localUser.isEmpty()) {
            problems.add("Enter the local user: the username, id or e-mail of the WordPress site's user who will connect Jetpack.");
        }
        if (!problems.isEmpty()) {
            return page(request, problems.stream().map(p -> Alert.of(Kind.DANGER, p + " Nothing was provisioned.")).toList(),
                    planValue, siteUrl, localUser);
        }
        Optional<PartnerApi> partnerApi = api.get();
        if (partnerApi.isEmpty()) {
            return page(request, List.of(PartnerApiAccess.unavailable()), planValue, siteUrl, localUser);
        }
        ProvisionResult result = partnerApi.get().provision(credentials, plan.get(), siteUrl, localUser);
        logOutcome(request, plan.get(), siteUrl, result);
        if (!result.outcome().ok()) {
            return page(request, List.of(Alert.of(Kind.DANGER, result.outcome().message())), planValue, siteUrl, localUser);
        }
        manualPlans.provisioned(siteUrl, plan.get(), request.admin().username());
        return page(request, List.of(success(plan.get(), siteUrl, result)), "", "", "");
    }

    /** POST id: cancels a plan provisioned by hand, through the Partner API. */
    AddonPage cancel(AddonRequest request) {
        if (!request.isPost()) {
            return page(request, List.of(CredentialsBanner.mustPost()), "", "", "");
        }
        Optional<ManualPlans.ManualPlan> manual = parseId(request.parameter(ID)).flatMap(manualPlans::find)
                .filter(m -> m.cancelled() == null);
        if (manual.isEmpty()) {
            return page(request, List.of(Alert.of(Kind.DANGER, "There is no such plan to cancel; nothing was done.")),
                    "", "", "");
        }
        Optional<PartnerApi> partnerApi = api.get();
        if (partnerApi.isEmpty()) {
            return page(request, List.of(PartnerApiAccess.unavailable()), "", "", "");
        }
        ApiOutcome outcome = partnerApi.get().cancel(AddonSettings.credentials(request.config()), manual.get().site());
        activityLog.log(PartnerApi.PREFIX + "manual cancellation of the plan of " + manual.get().site() + " by admin "
                + request.admin().username() + (outcome.ok() ? " done" : " failed: "
                + PartnerDetailsPage.withoutPrefix(outcome.message())), 0);
        if (!outcome.ok()) {
            return page(request, List.of(Alert.of(Kind.DANGER, outcome.message())), "", "", "");
        }
        manualPlans.cancelled(manual.get().id());
        return page(request, List.of(Alert.of(Kind.SUCCESS, "The Jetpack plan of " + manual.get().site()
                + " was cancelled.")), "", "", "");
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> success(Plan plan, String siteUrl, ProvisionResult result) {
        String done = "The Jetpack " + plan.label() + " plan was provisioned for " + siteUrl + ".";
        if (result.active()) {
            return Alert.of(Kind.SUCCESS, done + " " + result.details());
        }
        if (result.waiting()) {
            String waiting = result.details().isEmpty()
                    ? "The site's domain does not resolve yet: the plan waits for " + siteUrl
                    + ". Connect the site from the Jetpack banner in its dashboard once DNS resolves."
                    : result.details();
            return Alert.of(Kind.INFO, done + " " + waiting);
        }
        String next = result.nextUrl();
        String lower = next.toLowerCase(Locale.ROOT);
        // only web links become clickable: the URL comes from a remote API
        String text = done + " URL to Activate Jetpack:";
        return lower.startsWith("https://") || lower.startsWith("http://")
                ? Alert.withLink(Kind.SUCCESS, text, next, next) : Alert.withText(Kind.SUCCESS, text, next);
    }

    private void logOutcome(AddonRequest request, Plan plan, String siteUrl, ProvisionResult result) {
        String outcome = !result.outcome().ok() ? "failed: " + PartnerDetailsPage.withoutPrefix(result.outcome().message())
                : result.waiting() ? "done, waiting for the site's domain to resolve"
                : result.active() ? "done, active on the already connected site" : "done, activation link shown";
        activityLog.log(PartnerApi.PREFIX + "manual provisioning of the " + plan.slug() + " plan for " + siteUrl
                + " by admin " + request.admin().username() + " " + outcome, 0);
    }

    private AddonPage page(AddonRequest request, List<Map<String, Object>> results, String plan, String siteUrl,
                           String localUser) {
        Map<String, String> plans = new LinkedHashMap<>();
        for (Plan p : Plan.values()) {
            plans.put(p.slug(), p.label());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("results", results);
        model.put("fields", Map.of("plan", PLAN, "siteUrl", SITE_URL, "localUser", LOCAL_USER));
        model.put("plans", plans);
        model.put("plan", Plan.parse(plan).map(Plan::slug).orElse(""));
        model.put("siteUrl", siteUrl);
        model.put("localUser", localUser);
        model.put("provisionAction", Layout.actionLink(request, Actions.PROVISION));
        model.put("cancelAction", Layout.actionLink(request, Actions.CANCEL_MANUAL_PLAN));
        model.put("manualPlans", manualPlans.all().stream().map(m -> Map.of(
                "id", Long.toString(m.id()),
                "site", m.site(),
                "plan", Plan.parse(m.plan()).map(Plan::label).orElse(m.plan()),
                "by", m.provisionedBy(),
                "provisioned", DATE.format(m.provisioned()),
                "cancelled", m.cancelled() == null ? "" : DATE.format(m.cancelled()))).toList());
        Layout.markNotConfigured(request, model);
        return layout.page(request, Actions.PROVISION_FORM, "provision.ftlh", model);
    }
}
