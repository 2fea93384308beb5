package org.billinghost.jetpack.addon.internal;

import static org.billinghost.jetpack.addon.internal.Markup.alert;
import static org.billinghost.jetpack.addon.internal.Markup.heading;
import static org.billinghost.jetpack.addon.internal.Markup.link;
import static org.billinghost.jetpack.addon.internal.Markup.paragraph;
import static org.billinghost.jetpack.addon.internal.Markup.postForm;
import static org.billinghost.jetpack.addon.internal.Markup.select;
import static org.billinghost.jetpack.addon.internal.Markup.textInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.billinghost.api.module.AddonPage;
import org.billinghost.api.module.AddonRequest;
import org.billinghost.api.platform.ActivityLog;
import org.billinghost.api.platform.WebAddress;
import org.billinghost.jetpack.addon.internal.Markup.Kind;
import org.billinghost.jetpack.partner.PartnerApi;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;

/** Provision Jetpack Plans: a plan for a site straight through the Partner API, without an order. */
final class ProvisionPage {
    static final String PLAN = "plan";
    static final String SITE_URL = "site_url";
    static final String LOCAL_USER = "local_user";

    private final Layout layout;
    private final PartnerApiAccess api;
    private final ActivityLog activityLog;

    ProvisionPage(Layout layout, PartnerApiAccess api, ActivityLog activityLog) {
        this.layout = layout;
        this.api = api;
        this.activityLog = activityLog;
    }

    AddonPage show(AddonRequest request) {
        return page(request, "", "", "", "");
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
            return page(request, CredentialsBanner.mustPost(), planValue, siteUrl, localUser);
        }
        PartnerCredentials credentials = AddonSettings.credentials(request.config());
        if (!credentials.complete()) {
            return page(request, alert(Kind.DANGER, "Nothing was provisioned: the partner credentials are not configured.", ""),
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
        if (localUser.isEmpty()) {
            problems.add("Enter the blog user: the user name on the WordPress site who will connect Jetpack.");
        }
        if (!problems.isEmpty()) {
            String html = String.join("", problems.stream().map(p -> alert(Kind.DANGER, p + " Nothing was provisioned.", "")).toList());
            return page(request, html, planValue, siteUrl, localUser);
        }
        Optional<PartnerApi> partnerApi = api.get();
        if (partnerApi.isEmpty()) {
            return page(request, PartnerApiAccess.unavailable(), planValue, siteUrl, localUser);
        }
        ProvisionResult result = partnerApi.get().provision(credentials, plan.get(), siteUrl, localUser);
        logOutcome(request, plan.get(), siteUrl, result);
        if (!result.outcome().ok()) {
            return page(request, alert(Kind.DANGER, result.outcome().message(), ""), planValue, siteUrl, localUser);
        }
        return page(request, success(plan.get(), siteUrl, result), "", "", "");
    }

    private static String success(Plan plan, String siteUrl, ProvisionResult result) {
        String done = "The Jetpack " + plan.label() + " plan was provisioned for " + siteUrl + ".";
        if (result.waiting()) {
            String waiting = result.details().isEmpty()
                    ? "The site's domain does not resolve yet: the plan waits for " + siteUrl
                    + ". Connect the site from the Jetpack banner in its dashboard once DNS resolves."
                    : result.details();
            return alert(Kind.INFO, done + " " + waiting, "");
        }
        String next = result.nextUrl();
        String lower = next.toLowerCase(Locale.ROOT);
        // only web links become clickable: the URL comes from a remote API
        String activation = lower.startsWith("https://") || lower.startsWith("http://")
                ? link(next, next) : Markup.text(next);
        return alert(Kind.SUCCESS, done + " URL to Activate Jetpack:", activation);
    }

    private void logOutcome(AddonRequest request, Plan plan, String siteUrl, ProvisionResult result) {
        String outcome = !result.outcome().ok() ? "failed: " + PartnerDetailsPage.withoutPrefix(result.outcome().message())
                : result.waiting() ? "done, waiting for the site's domain to resolve" : "done, activation link shown";
        activityLog.log(PartnerApi.PREFIX + "manual provisioning of the " + plan.slug() + " plan for " + siteUrl
                + " by admin " + request.admin().username() + " " + outcome, 0);
    }

    private AddonPage page(AddonRequest request, String resultHtml, String plan, String siteUrl, String localUser) {
        Map<String, String> plans = new LinkedHashMap<>();
        for (Plan p : Plan.values()) {
            plans.put(p.slug(), p.label());
        }
        String selected = Plan.parse(plan).map(Plan::slug).orElse("");
        String fields = select(PLAN, "Plan", plans, selected)
                + textInput(SITE_URL, "Site URL", siteUrl, "example.com")
                + textInput(LOCAL_USER, "Blog user", localUser, "admin");
        String html = heading("Provision Jetpack Plans") + resultHtml
                + paragraph("Provisions a plan for a WordPress site directly through the Jetpack Partner API, without"
                + " an order. Orders of the Jetpack products are provisioned automatically.")
                + (AddonSettings.credentials(request.config()).complete() ? "" : Layout.notConfigured())
                + postForm(Layout.actionLink(request, Actions.PROVISION), request.csrfToken(), fields, "Provision Plan");
        return layout.page(request, Actions.PROVISION_FORM, html);
    }
}
