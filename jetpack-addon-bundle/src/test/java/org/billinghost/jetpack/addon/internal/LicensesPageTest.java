package org.billinghost.jetpack.addon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.billinghost.jetpack.partner.ApiOutcome;
import org.billinghost.jetpack.partner.License;
import org.billinghost.jetpack.partner.LicenseReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicensesPageTest {
    private static final String LICENSING_TOKEN = "licensing-token-9";
    private static final Instant ISSUED = Instant.parse("2026-11-20T08:00:00Z");

    private final AddonFixture fixture = new AddonFixture(new InMemoryCatalog());
    private final FakeLicenseLedger ledger = new FakeLicenseLedger();

    @BeforeEach
    void configure() {
        fixture.ledger.set(ledger);
        fixture.config.put(AddonSettings.LICENSING_TOKEN, LICENSING_TOKEN);
    }

    private static License license(String key, boolean attached) {
        return new License("1", key, "Jetpack Backup (Daily)", 2100, ISSUED, attached ? ISSUED : null, null,
                attached ? 77 : 0, attached ? "https://ann.example.org/" : "");
    }

    private static LicenseReport.Line line(long serviceId, String key) {
        return new LicenseReport.Line(serviceId, "jetpack-backup-daily", key, "ACTIVE", "ann.example.org",
                license(key, true), 7, "Jetpack Backup", "Active");
    }

    @Test
    void withoutTokenThePageSaysWhatToConfigure() {
        fixture.config.remove(AddonSettings.LICENSING_TOKEN);

        String html = fixture.get("action", "licenses").html();

        assertThat(html).contains("The Licensing API token is not configured", HostPaths.CONFIGURE_ADDON.replace("&", "&amp;"));
        assertThat(ledger.calls).isEmpty();
    }

    @Test
    void countsOrphansMissingAndTheListAreShown() {
        ledger.report = new LicenseReport(ApiOutcome.success("ok"), 1, 1, 0, List.of(line(5, "jetpack-backup-daily_AAA")),
                List.of(license("jetpack-complete_<b>ORPHAN</b>", false)),
                List.of(new LicenseReport.Line(6, "jetpack-scan", "jetpack-scan_GONE", "ACTIVE", "", null, 8, "Jetpack Scan",
                        "Active")));

        String html = fixture.get("action", "licenses").html();

        assertThat(html).contains("Attached: 1", "Detached: 1", "Revoked: 0", "jetpack-backup-daily_AAA",
                "https://ann.example.org/", "Jetpack Backup (jetpack-backup-daily)", "/admin/clientsservices?id=5",
                "jetpack-complete_&lt;b&gt;ORPHAN&lt;/b&gt;", "Revoke", "Assign", "value=\"" + AddonFixture.TOKEN + "\"",
                "jetpack-scan_GONE", "unknown to the API").doesNotContain("<b>ORPHAN");
        assertThat(ledger.calls).containsExactly("report " + LICENSING_TOKEN);
    }

    @Test
    void theListIsSearchedAndPaged() {
        List<LicenseReport.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            lines.add(line(i, "jetpack-backup-daily_K" + i));
        }
        ledger.report = new LicenseReport(ApiOutcome.success("ok"), 30, 0, 0, lines, List.of(), List.of());

        assertThat(fixture.get("action", "licenses").html()).contains("30 licenses, page 1 of 2", "_K25<", "Next")
                .doesNotContain("_K26<");
        assertThat(fixture.get("action", "licenses", "page", "2").html()).contains("_K30<").doesNotContain("_K25<");
        assertThat(fixture.get("action", "licenses", "q", "_k17").html()).contains("1 licenses, page 1 of 1", "_K17<")
                .doesNotContain("_K1<");
    }

    @Test
    void revokeIsAPostThatNamesTheKeyAndIsLogged() {
        ledger.report = new LicenseReport(ApiOutcome.success("ok"), 0, 1, 0, List.of(), List.of(), List.of());
        ledger.change = ApiOutcome.success("The license jetpack-complete_X was revoked.");

        assertThat(fixture.get("action", "revoke_license", "license_key", "jetpack-complete_X").html()).contains("POST");
        assertThat(ledger.calls).noneMatch(c -> c.startsWith("revoke"));

        String html = fixture.post("action", "revoke_license", "license_key", "jetpack-complete_X").html();

        assertThat(html).contains("The license jetpack-complete_X was revoked.");
        assertThat(ledger.calls).contains("revoke " + LICENSING_TOKEN + " jetpack-complete_X");
        assertThat(fixture.activityLog.messages).anyMatch(m -> m.contains("revoked the orphan license jetpack-complete_X"));
    }

    @Test
    void assignNeedsAServiceNumber() {
        ledger.report = new LicenseReport(ApiOutcome.success("ok"), 0, 1, 0, List.of(), List.of(), List.of());

        String html = fixture.post("action", "assign_license", "license_key", "jetpack-complete_X", "service_id", "abc").html();

        assertThat(html).contains("Enter the number of the service");
        assertThat(ledger.calls).noneMatch(c -> c.startsWith("assign"));

        fixture.post("action", "assign_license", "license_key", "jetpack-complete_X", "service_id", "12");
        assertThat(ledger.calls).contains("assign " + LICENSING_TOKEN + " jetpack-complete_X 12");
    }

    @Test
    void aReportTheApiRefusedIsShownAsItsMessage() {
        ledger.report = LicenseReport.failed(ApiOutcome.failure("JETPACK MODULE: The token was refused.", false));

        assertThat(fixture.get("action", "licenses").html()).contains("The token was refused.").doesNotContain("Attached:");
    }
}
