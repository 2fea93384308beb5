package org.billinghost.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.platform.ActivityEntry;
import org.billinghost.api.platform.ActivityFilter;
import org.billinghost.api.platform.Actor;
import org.billinghost.api.platform.ModuleLog;
import org.billinghost.api.platform.ModuleLogEntry;
import org.billinghost.api.platform.ResultPage;
import org.billinghost.core.testkit.AllDatabases;
import org.billinghost.core.testkit.CoreAssembly;
import org.junit.jupiter.api.Test;

class LogsPersistenceTest {

    private static String tag() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AllDatabases.Test
    void activityLogPagesNewestFirstAndFiltersByClientAndTerm(CoreAssembly core) {
        String tag = tag();
        long clientId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
        for (int i = 0; i < 7; i++) {
            core.activityLog().log("Line " + i + " " + tag, i % 2 == 0 ? clientId : 0);
        }
        core.activityLog().log("Admin did " + tag.toUpperCase(), clientId, Actor.admin(7, "alice", "10.0.0.9"));

        ResultPage<ActivityEntry> page = core.activityLog().search(tag, 0, 0, 3);
        assertThat(page.total()).isEqualTo(8);
        assertThat(page.items()).extracting(ActivityEntry::message)
                .containsExactly("Admin did " + tag.toUpperCase(), "Line 6 " + tag, "Line 5 " + tag);
        // the dashboard's latest lines: the newest of the whole log, uncounted (tests of this class share it)
        assertThat(core.activityLog().recent(2)).extracting(ActivityEntry::message)
                .containsExactly("Admin did " + tag.toUpperCase(), "Line 6 " + tag);
        assertThat(page.items().get(0).user()).isEqualTo("alice");
        assertThat(page.items().get(1).user()).isEqualTo("System");
        assertThat(page.items().get(1).time()).isNotNull();
        ResultPage<ActivityEntry> last = core.activityLog().search(tag, 0, 6, 3);
        assertThat(last.items()).extracting(ActivityEntry::message).containsExactly("Line 1 " + tag, "Line 0 " + tag);
        assertThat(last.total()).isEqualTo(8);
        assertThat(core.activityLog().search(tag, 0, 9, 3).total()).isEqualTo(8);

        ResultPage<ActivityEntry> ofClient = core.activityLog().search(null, clientId, 0, 10);
        assertThat(ofClient.total()).isEqualTo(5);
        assertThat(ofClient.items()).allSatisfy(e -> assertThat(e.clientId()).isEqualTo(clientId));
        assertThat(core.activityLog().search("line 4", clientId, 0, 10).items()).extracting(ActivityEntry::message)
                .containsExactly("Line 4 " + tag);
        assertThat(core.activityLog().search("%", clientId, 0, 10).total()).isZero();
        assertThatThrownBy(() -> core.activityLog().search(null, 0, -1, 10)).isInstanceOf(BillingException.class)
                .hasMessage("The offset must be 0 or more.");
    }

    @AllDatabases.Test
    void eachLineRecordsItsActorAndAddressAndTheSearchFiltersByThemAndByDate(CoreAssembly core) {
        String tag = tag();
        core.activityLog().log("Automation " + tag, 0);
        try (Actor.Scope ignored = Actor.actAs(Actor.client(42, "Cora Client", "192.0.2.7"))) {
            core.activityLog().log("Client did " + tag, 42);
        }
        core.activityLog().log("Api did " + tag, 0, Actor.api(3, "integration", "198.51.100.1"));

        ResultPage<ActivityEntry> all = core.activityLog().search(tag, 0, 0, 10);
        assertThat(all.items()).extracting(e -> e.actor().kind() + " " + e.user() + " " + e.actor().id() + " "
                + e.actor().ip()).containsExactly("API API: integration 3 198.51.100.1",
                "CLIENT Cora Client 42 192.0.2.7", "SYSTEM System 0 ");
        assertThat(core.activityLog().search(new ActivityFilter(tag, 0, null, null, Actor.Kind.CLIENT, null), 0, 10)
                .items()).extracting(ActivityEntry::message).containsExactly("Client did " + tag);
        assertThat(core.activityLog().search(new ActivityFilter(tag, 0, null, null, null, "INTEGR"), 0, 10)
                .items()).extracting(ActivityEntry::message).containsExactly("Api did " + tag);
        Instant newest = all.items().get(0).time();
        assertThat(core.activityLog().search(new ActivityFilter(tag, 0, newest.plusSeconds(1), null, null, null), 0, 10)
                .total()).isZero();
        assertThat(core.activityLog().search(new ActivityFilter(tag, 0, null, newest.plusSeconds(1), null, null), 0, 10)
                .total()).isEqualTo(3);
        assertThatThrownBy(() -> core.activityLog().search(new ActivityFilter(null, 0, null, null, null,
                "x".repeat(256)), 0, 10)).isInstanceOf(BillingException.class);
    }

    @Test
    void moduleLogPageBoundsOutOfRangeAreRefusedAsInvalidInput() {
        try (CoreAssembly core = CoreAssembly.h2()) {
            assertThatThrownBy(() -> core.moduleLog().entries("", 0, 0)).isInstanceOf(BillingException.class)
                    .hasMessage("The limit must be 1 or more.");
        }
    }

    @AllDatabases.Test
    void moduleLogIsOffByDefaultAndSwitchable(CoreAssembly core) {
        ModuleLog log = core.moduleLog();
        log.setEnabled(false);
        String tag = tag();
        log.log("jetpack", "provision " + tag, "req", "resp", "", List.of());
        assertThat(log.entries(tag, 0, 10).total()).isZero();

        log.setEnabled(true);
        assertThat(log.isEnabled()).isTrue();
        log.log("jetpack", "provision " + tag, "req", "resp", null, null);
        ResultPage<ModuleLogEntry> entries = log.entries(tag, 0, 10);
        assertThat(entries.items()).singleElement().satisfies(e -> {
            assertThat(e.module()).isEqualTo("jetpack");
            assertThat(e.request()).isEqualTo("req");
            assertThat(e.processed()).isEmpty();
        });

        log.setEnabled(false);
        assertThat(log.isEnabled()).isFalse();
        log.log("jetpack", "provision " + tag, "req", "resp", "", List.of());
        assertThat(log.entries(tag, 0, 10).total()).isEqualTo(1);
    }

    @AllDatabases.Test
    void moduleLogScrubsEveryFormOfTheSecretsBeforeStoring(CoreAssembly core) {
        ModuleLog log = core.moduleLog();
        log.setEnabled(true);
        String tag = tag();
        String secret = "p@ss word/\"x\"";
        String request = "secret=" + secret + "&form=p%40ss+word%2F%22x%22&path=p%40ss%20word%2F%22x%22";
        String response = "{\"token\":\"p@ss word/\\\"x\\\"\",\"other\":\"tok-123\"}";

        log.log("jetpack", "call " + tag, request, response, "tok-123 done", Arrays.asList(secret, "tok-123", "", null));

        ModuleLogEntry e = log.entries(tag, 0, 1).items().get(0);
        String all = String.join("|", core.jdbc().query("SELECT request, response, processed FROM module_log WHERE id = ?",
                rs -> rs.getString(1) + rs.getString(2) + rs.getString(3), e.id()));
        assertThat(all).doesNotContain("p@ss", "p%40ss", "tok-123", "word");
        assertThat(e.request()).isEqualTo("secret=********&form=********&path=********");
        assertThat(e.response()).isEqualTo("{\"token\":\"********\",\"other\":\"********\"}");
        assertThat(e.processed()).isEqualTo("******** done");
    }
}
