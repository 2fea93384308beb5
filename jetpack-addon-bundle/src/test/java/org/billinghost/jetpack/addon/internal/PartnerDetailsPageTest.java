package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.billinghost.api.module.AddonPage;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.PartnerCredentials;
import org.junit.jupiter.api.Test;

class PartnerDetailsPageTest {
    private final AddonFixture fixture = new AddonFixture(new InMemoryCatalog());

    @Test
    void showsTheIdMasksTheSecretAndOffersValidation() {
        AddonPage page = fixture.get();

        assertThat(page.redirect()).isNull();
        assertThat(page.html())
                .contains("<ul class=\"nav nav-tabs jetpack-menu\">")
                .contains("href=\"/admin/addonmodules?module=jetpack&amp;action=manage_product\"")
                .contains("href=\"/admin/addonmodules?module=jetpack&amp;action=provision_jetpack_plans\"")
                .contains("<dd>1001</dd>")
                .contains("<dd>" + PartnerDetailsPage.MASK + "</dd>")
                .doesNotContain(AddonFixture.SECRET)
                .contains("action=\"/admin/addonmodules?module=jetpack&amp;action=validate_partner_credentials\"")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + AddonFixture.TOKEN + "\">")
                .doesNotContain("not configured");
    }

    @Test
    void saysTheAddonIsNotConfiguredWhenTheSecretIsMissing() {
        fixture.config.remove(AddonSettings.CLIENT_SECRET);

        String html = fixture.get().html();

        assertThat(html).contains("The Jetpack addon is not configured")
                .contains("<a href=\"/admin/configaddonmods?action=configure&amp;module=jetpack\">Configure the addon</a>")
                .contains("<dd>(not set)</dd>")
                .doesNotContain("validate_partner_credentials\"");
    }

    @Test
    void escapesWhatTheConfigurationHolds() {
        fixture.config.put(AddonSettings.CLIENT_ID, "<b>1001</b>");

        assertThat(fixture.get().html()).contains("&lt;b&gt;1001&lt;/b&gt;").doesNotContain("<b>1001");
    }

    @Test
    void validCredentialsAreReportedValid() {
        String html = fixture.post("action", Actions.VALIDATE).html();

        assertThat(fixture.partnerApi.validations).containsExactly(new PartnerCredentials("1001", AddonFixture.SECRET));
        assertThat(html).contains("alert-success").contains("The partner credentials are valid");
    }

    @Test
    void invalidCredentialsShowTheApisReasonAndALinkToFixThem() {
        fixture.partnerApi.validation = ApiOutcome.refused(
                "JETPACK MODULE: the partner credentials are likely wrong: Invalid client secret", "invalid_client");

        String html = fixture.get("action", Actions.VALIDATE).html();

        assertThat(html).contains("alert-danger")
                .contains("The partner credentials are not valid. JETPACK MODULE: the partner credentials are likely wrong: Invalid client secret")
                .contains("<a href=\"/admin/configaddonmods?action=configure&amp;module=jetpack\">Fix the addon&#39;s configuration</a>");
        assertThat(fixture.activityLog.messages).containsExactly("JETPACK MODULE: partner credentials check failed for"
                + " client id 1001: the partner credentials are likely wrong: Invalid client secret");
    }

    @Test
    void aTimeOutIsReportedAsSuchWithoutBlamingTheCredentials() {
        fixture.partnerApi.validation = ApiOutcome.transientFailure(
                "JETPACK MODULE: The Jetpack Partner API did not answer in time.", null);

        String html = fixture.get("action", Actions.VALIDATE).html();

        assertThat(html).contains("alert-warning")
                .contains("The partner credentials could not be checked. JETPACK MODULE: The Jetpack Partner API did not"
                        + " answer in time.").doesNotContain("not valid").doesNotContain("Fix the addon");
    }

    @Test
    void aWrongBaseUrlIsReportedAsSuchWithoutBlamingTheCredentials() {
        fixture.partnerApi.validation = ApiOutcome.failure(
                "JETPACK MODULE: The Partner API base URL 'ftp://x' is not a valid http or https URL.", false);

        String html = fixture.get("action", Actions.VALIDATE).html();

        assertThat(html).contains("alert-danger").contains("The partner credentials could not be checked.")
                .doesNotContain("not valid").doesNotContain("Fix the addon");
    }

    @Test
    void validationWithoutThePartnerApiServiceSaysWhatIsMissing() {
        fixture.api.unset(fixture.partnerApi);

        String html = fixture.post("action", Actions.VALIDATE).html();

        assertThat(html).contains("the Partner API service is not available");
        assertThat(fixture.partnerApi.validations).isEmpty();
    }

    @Test
    void validationIsNotAttemptedWithIncompleteCredentials() {
        fixture.config.put(AddonSettings.CLIENT_ID, " ");

        String html = fixture.post("action", Actions.VALIDATE).html();

        assertThat(html).contains("The Jetpack addon is not configured");
        assertThat(fixture.partnerApi.validations).isEmpty();
    }

    @Test
    void anUnknownActionGetsAClearEscapedMessageWithTheMenu() {
        String html = fixture.post("action", "drop<tables>").html();

        assertThat(html).contains("Unknown action &#39;drop&lt;tables&gt;&#39; of the Jetpack addon; nothing was done.")
                .contains("jetpack-menu");
        assertThat(fixture.partnerApi.validations).isEmpty();
        assertThat(fixture.partnerApi.provisions).isEmpty();
    }
}
