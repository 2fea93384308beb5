package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.billinghost.jetpack.partner.Plan;
import org.billinghost.jetpack.partner.ProvisionResult;
import org.junit.jupiter.api.Test;

/** Provision Jetpack Plans: the form, the checks before the API call and the true outcome after it. */
class ProvisionPageTest {
    private final AddonFixture fixture = new AddonFixture(new InMemoryCatalog());

    @Test
    void theFormAsksForPlanSiteUrlAndBlogUser() {
        String html = fixture.get("action", Actions.PROVISION_FORM).html();

        assertThat(html).contains("<form method=\"post\" action=\"/admin/addonmodules?module=jetpack&amp;action=provision_plan\">")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + AddonFixture.TOKEN + "\">")
                .contains("<option value=\"free\">Free</option><option value=\"personal\">Personal</option>")
                .contains("<option value=\"professional\">Professional</option>")
                .contains("name=\"site_url\"").contains("name=\"local_user\"");
    }

    @Test
    void aProvisionedPlanShowsTheActivationLink() {
        fixture.partnerApi.provisionResult = new ProvisionResult(ApiOutcome.success("provisioned"),
                "https://wordpress.com/jetpack/connect?site=example.com&token=x", "URL to Activate Jetpack: ...");

        String html = fixture.post("action", Actions.PROVISION, "plan", "personal", "site_url", " https://example.com/blog ",
                "local_user", " admin ").html();

        assertThat(fixture.partnerApi.provisions).containsExactly(new FakePartnerApi.ProvisionCall(
                new PartnerCredentials("1001", AddonFixture.SECRET), Plan.PERSONAL, "https://example.com/blog", "admin"));
        assertThat(html).contains("alert-success")
                .contains("The Jetpack Personal plan was provisioned for https://example.com/blog. URL to Activate Jetpack:")
                .contains("<a href=\"https://wordpress.com/jetpack/connect?site=example.com&amp;token=x\">");
        assertThat(fixture.activityLog.messages).containsExactly("JETPACK MODULE: manual provisioning of the personal plan"
                + " for https://example.com/blog by admin admin done, activation link shown");
    }

    @Test
    void aPlanActiveOnAConnectedSiteSaysSo() {
        fixture.partnerApi.provisionResult = new ProvisionResult(ApiOutcome.success("provisioned"), "",
                "The Jetpack Premium plan is active on example.org.", false);

        String html = fixture.post("action", Actions.PROVISION, "plan", "Premium", "site_url", "example.org",
                "local_user", "editor").html();

        assertThat(html).contains("alert-success").contains("The Jetpack Premium plan was provisioned for example.org."
                + " The Jetpack Premium plan is active on example.org.").doesNotContain("did not resolve");
    }

    @Test
    void aPlanWaitingForDnsShowsTheWaitingMessage() {
        fixture.partnerApi.provisionResult = new ProvisionResult(ApiOutcome.success("provisioned"), "",
                "The domain did not resolve; the plan is waiting for example.org.");

        String html = fixture.post("action", Actions.PROVISION, "plan", "Premium", "site_url", "example.org",
                "local_user", "editor").html();

        assertThat(html).contains("alert-info").contains("The Jetpack Premium plan was provisioned for example.org."
                + " The domain did not resolve; the plan is waiting for example.org.");
        assertThat(html).doesNotContain("URL to Activate");
    }

    @Test
    void theApisErrorIsShownAndTheEnteredValuesAreKept() {
        fixture.partnerApi.provisionResult = new ProvisionResult(
                ApiOutcome.failure("JETPACK MODULE: The site already has a paid plan", false), "", "");

        String html = fixture.post("action", Actions.PROVISION, "plan", "free", "site_url", "example.net",
                "local_user", "bob").html();

        assertThat(html).contains("alert-danger").contains("JETPACK MODULE: The site already has a paid plan")
                .doesNotContain("was provisioned")
                .contains("value=\"example.net\"").contains("value=\"bob\"")
                .contains("<option value=\"free\" selected>");
        assertThat(fixture.activityLog.messages).singleElement().asString()
                .endsWith("failed: The site already has a paid plan");
    }

    @Test
    void anActivationUrlThatIsNotAWebLinkIsShownAsText() {
        fixture.partnerApi.provisionResult = new ProvisionResult(ApiOutcome.success("ok"), "javascript:alert(1)", "");

        String html = fixture.post("action", Actions.PROVISION, "plan", "free", "site_url", "example.net",
                "local_user", "bob").html();

        assertThat(html).contains("URL to Activate Jetpack: javascript:alert(1)").doesNotContain("href=\"javascript");
    }

    @Test
    void anEmptySiteUrlIsRefusedWithoutCallingTheApi() {
        String html = fixture.post("action", Actions.PROVISION, "plan", "personal", "site_url", "  ",
                "local_user", "admin").html();

        assertThat(html).contains("Enter the site URL").contains("Nothing was provisioned.");
        assertThat(fixture.partnerApi.provisions).isEmpty();
        assertThat(fixture.activityLog.messages).isEmpty();
    }

    @Test
    void aPlanOutsideTheFourAndABadSiteUrlAreBothReported() {
        String html = fixture.post("action", Actions.PROVISION, "plan", "gold", "site_url", "not a site",
                "local_user", "").html();

        assertThat(html).contains("Choose one of the four plans: Free, Personal, Premium or Professional.")
                .contains("The site URL is not a valid web address: the host name needs at least two parts, e.g. example.com.")
                .contains("Enter the local user");
        assertThat(fixture.partnerApi.provisions).isEmpty();
    }

    @Test
    void provisioningNeedsAPostConfiguredCredentialsAndTheApiService() {
        assertThat(fixture.get("action", Actions.PROVISION, "plan", "free", "site_url", "example.net", "local_user", "bob")
                .html()).contains("needs the button of the addon&#39;s page");
        fixture.api.unset(fixture.partnerApi);
        assertThat(fixture.post("action", Actions.PROVISION, "plan", "free", "site_url", "example.net", "local_user", "bob")
                .html()).contains("the Partner API service is not available");
        fixture.config.remove(AddonSettings.CLIENT_ID);
        assertThat(fixture.post("action", Actions.PROVISION, "plan", "free", "site_url", "example.net", "local_user", "bob")
                .html()).contains("Nothing was provisioned: the partner credentials are not configured.");
        assertThat(fixture.partnerApi.provisions).isEmpty();
    }

    @Test
    void plansProvisionedByHandAreListedAndCanBeCancelled() {
        fixture.post("action", Actions.PROVISION, "plan", "personal", "site_url", "example.com/blog", "local_user", "admin");
        long id = fixture.storage.manualPlans().all().get(0).id();

        String listed = fixture.get("action", Actions.PROVISION_FORM).html();
        String cancelled = fixture.post("action", Actions.CANCEL_MANUAL_PLAN, "id", Long.toString(id)).html();

        assertThat(listed).contains("<td>example.com/blog</td><td>Personal</td><td>2026-11-28 10:00 UTC</td><td>admin</td>")
                .contains("<input type=\"hidden\" name=\"id\" value=\"" + id + "\">");
        assertThat(fixture.partnerApi.cancellations).containsExactly("example.com/blog");
        assertThat(cancelled).contains("alert-success").contains("cancelled on 2026-11-28 10:00 UTC");
        assertThat(fixture.post("action", Actions.CANCEL_MANUAL_PLAN, "id", Long.toString(id)).html())
                .contains("There is no such plan to cancel");
        assertThat(fixture.partnerApi.cancellations).hasSize(1);
    }

    @Test
    void aRefusedCancellationKeepsThePlanListed() {
        fixture.post("action", Actions.PROVISION, "plan", "free", "site_url", "example.org", "local_user", "admin");
        fixture.partnerApi.cancellation = ApiOutcome.failure("JETPACK MODULE: incorrect_partner_key.", false);

        String html = fixture.post("action", Actions.CANCEL_MANUAL_PLAN, "id",
                Long.toString(fixture.storage.manualPlans().all().get(0).id())).html();

        assertThat(html).contains("alert-danger").contains("incorrect_partner_key").doesNotContain("cancelled on");
    }
}
