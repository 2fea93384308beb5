package org.billinghost.jetpack.sandbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.jetpack.sandbox.internal.LicensingApiTest.assertError;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.LICENSING_TOKEN;
import static org.billinghost.jetpack.sandbox.internal.SandboxHarness.NO_ATTACH_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.billinghost.jetpack.sandbox.internal.AccessTokensTest.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /licenses} and {@code GET /licenses/counts} (seen in Automattic's client only). The sandbox's clock
 * moves a minute between the calls that set a date, so every date differs.
 */
class LicenseListTest {

    private static final ManualClock CLOCK = new ManualClock();
    private static SandboxHarness sandbox;

    /** Keys in issue order: 0-1 revoked (0 attached first, revoked after 1), 2-3 attached (3 before 2), 4-5 detached. */
    private final List<String> keys = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxHarness.start(ErrorShape.ERROR_CODE, false, CLOCK);
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
    }

    @BeforeEach
    void sixLicensesInEveryState() {
        sandbox.reset();
        String[] products = {"premium", "jetpack-scan", "jetpack-backup-daily", "premium", "jetpack-complete", "personal"};
        for (String product : products) {
            keys.add(sandbox.issue(LICENSING_TOKEN, product));
            tick();
        }
        attach(0, "shop.example");
        attach(3, "blog.example");
        attach(2, "www.example");
        revoke(1);
        revoke(0);
        sandbox.issue(NO_ATTACH_TOKEN, "premium");
    }

    @Test
    void listsOnlyThePartnersLicensesNewestFirstByDefault() {
        JsonNode page = list("");

        assertThat(page.get("total_items").asInt()).isEqualTo(6);
        assertThat(page.get("current_page").asInt()).isEqualTo(1);
        assertThat(page.get("items_per_page").asInt()).isEqualTo(10);
        assertThat(page.get("total_pages").asInt()).isEqualTo(1);
        assertThat(keysOf(page)).containsExactly(keys.get(5), keys.get(4), keys.get(3), keys.get(2), keys.get(1), keys.get(0));
    }

    @Test
    void pagesSplitTheListWithoutOverlap() {
        JsonNode first = list("?per_page=4&page=1&sort_direction=asc");
        JsonNode second = list("?per_page=4&page=2&sort_direction=asc");
        JsonNode beyond = list("?per_page=4&page=3&sort_direction=asc");

        assertThat(keysOf(first)).containsExactlyElementsOf(keys.subList(0, 4));
        assertThat(keysOf(second)).containsExactlyElementsOf(keys.subList(4, 6));
        assertThat(second.get("total_pages").asInt()).isEqualTo(2);
        assertThat(second.get("current_page").asInt()).isEqualTo(2);
        assertThat(keysOf(beyond)).isEmpty();
    }

    @Test
    void filtersByState() {
        assertThat(keysOf(list("?filter=revoked&sort_direction=asc"))).containsExactly(keys.get(0), keys.get(1));
        assertThat(keysOf(list("?filter=attached&sort_direction=asc"))).containsExactly(keys.get(2), keys.get(3));
        assertThat(keysOf(list("?filter=detached&sort_direction=asc"))).containsExactly(keys.get(4), keys.get(5));
        assertThat(keysOf(list("?filter=not_revoked&sort_direction=asc"))).containsExactlyElementsOf(keys.subList(2, 6));
    }

    @Test
    void sortsByAttachAndRevokeDatesWithUndatedLicensesLast() {
        // a revoked license keeps the date it was attached
        assertThat(keysOf(list("?sort_field=attached_at&sort_direction=asc")))
                .startsWith(keys.get(0), keys.get(3), keys.get(2)).hasSize(6);
        assertThat(keysOf(list("?sort_field=attached_at&sort_direction=desc")))
                .startsWith(keys.get(2), keys.get(3), keys.get(0)).hasSize(6);
        // undated licenses follow, in issue order in the asked direction
        assertThat(keysOf(list("?sort_field=revoked_at&sort_direction=asc&per_page=3")))
                .containsExactly(keys.get(1), keys.get(0), keys.get(2));
        assertThat(keysOf(list("?sort_field=revoked_at&per_page=3")))
                .containsExactly(keys.get(0), keys.get(1), keys.get(5));
    }

    @Test
    void searchesKeysProductsAndSites() {
        assertThat(keysOf(list("?search=WWW.example"))).containsExactly(keys.get(2));
        assertThat(keysOf(list("?search=" + keys.get(4)))).containsExactly(keys.get(4));
        assertThat(keysOf(list("?search=premium&sort_direction=asc"))).containsExactly(keys.get(0), keys.get(3));
        assertThat(keysOf(list("?search=Backup"))).containsExactly(keys.get(2));
        assertThat(list("?search=nothing-like-it").get("total_pages").asInt()).isZero();
    }

    @Test
    void refusesParametersOutOfRange() {
        for (String query : List.of("?per_page=101", "?per_page=0", "?page=0", "?page=x", "?filter=all",
                "?sort_field=product", "?sort_direction=up", "?search=" + "s".repeat(201))) {
            assertError(sandbox.licensing("GET", "/licenses" + query, LICENSING_TOKEN, null), 400, "rest_invalid_param");
        }
        assertThat(list("?per_page=100").get("items_per_page").asInt()).isEqualTo(100);
    }

    @Test
    void countsThePartnersLicensesPerState() {
        JsonNode counts = sandbox.licensing("GET", "/licenses/counts/", LICENSING_TOKEN, null).json();
        JsonNode others = sandbox.licensing("GET", "/licenses/counts", NO_ATTACH_TOKEN, null).json();

        assertThat(counts.get("attached").asInt()).isEqualTo(2);
        assertThat(counts.get("detached").asInt()).isEqualTo(2);
        assertThat(counts.get("revoked").asInt()).isEqualTo(2);
        assertThat(counts.get("not_revoked").asInt()).isEqualTo(4);
        assertThat(counts.size()).isEqualTo(4);
        assertThat(others.get("detached").asInt()).isEqualTo(1);
    }

    @Test
    void listedLicensesCarryTheFieldsSeenInListAnswers() {
        JsonNode attached = list("?filter=attached&sort_direction=asc").get("items").get(0);

        assertThat(attached.get("license_key").asText()).isEqualTo(keys.get(2));
        assertThat(attached.get("product_id").asLong()).isEqualTo(2100);
        assertThat(attached.get("product").asText()).isEqualTo("Jetpack Backup (Daily)");
        assertThat(attached.get("siteurl").asText()).isEqualTo("https://www.example");
        assertThat(attached.get("blog_id").asLong()).isPositive();
        assertThat(attached.get("issued_at").asText()).matches("2026-01-01 \\d{2}:\\d{2}:00");
        assertThat(attached.get("attached_at").asText()).matches("2026-01-01 \\d{2}:\\d{2}:00")
                .isGreaterThan(attached.get("issued_at").asText());
        assertThat(attached.get("revoked_at").isNull()).isTrue();
    }

    private static JsonNode list(String query) {
        SandboxHarness.Reply reply = sandbox.licensing("GET", "/licenses" + query, LICENSING_TOKEN, null);
        assertThat(reply.code()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> keysOf(JsonNode page) {
        return page.get("items").findValuesAsText("license_key");
    }

    private void attach(int index, String site) {
        assertThat(sandbox.attach(LICENSING_TOKEN, keys.get(index), site).code()).isEqualTo(200);
        tick();
    }

    private void revoke(int index) {
        assertThat(sandbox.revoke(LICENSING_TOKEN, keys.get(index)).code())
                .isEqualTo(200);
        tick();
    }

    private static void tick() {
        CLOCK.advance(Duration.ofMinutes(1));
    }
}
