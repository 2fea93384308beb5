package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** LogActivity, GetActivityLog. */
class LogApiTest extends ApiTestSupport {

    @Test
    void loggedLinesAreFoundByTextAndClient() {
        long client = newClient();
        String text = unique("Called from the API test ");

        call("LogActivity", "description", text, "clientid", String.valueOf(client)).ok();
        call("LogActivity", "description", text + " without client").ok();

        JsonNode found = call("GetActivityLog", "description", text).ok().json();
        assertThat(found.path("totalresults").asInt()).isEqualTo(2);
        JsonNode forClient = call("GetActivityLog", "description", text, "clientid", String.valueOf(client)).ok().json();
        assertThat(forClient.path("activity").path("entry")).hasSize(1);
        JsonNode entry = forClient.path("activity").path("entry").get(0);
        assertThat(entry.path("description").asText()).isEqualTo(text);
        assertThat(entry.path("clientid").asLong()).isEqualTo(client);
        assertThat(entry.path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void eachLineNamesItsApiCredentialAndAddressAndIsFoundByActorAndDate() {
        String text = unique("Actor test ");
        call("LogActivity", "description", text).ok();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        JsonNode entry = call("GetActivityLog", "description", text, "actortype", "api", "user", "DEMO-API",
                "date", today).ok().json().path("activity").path("entry").get(0);
        assertThat(entry.path("user").asText() + " " + entry.path("actortype").asText() + " "
                + entry.path("ipaddress").asText()).isEqualTo("API: demo-api api 127.0.0.1");
        assertThat(call("GetActivityLog", "description", text, "actortype", "admin").ok().id("totalresults")).isZero();
        assertThat(call("GetActivityLog", "description", text, "datefrom", "2001-01-01", "dateto", "2001-01-31").ok()
                .id("totalresults")).isZero();
        assertThat(call("GetActivityLog", "description", text, "datefrom", today).ok().id("totalresults")).isEqualTo(1);
    }

    @Test
    void theTextSearchReadsEveryLineUnlikeTheAdminPage() {
        // H2: the admin page would search the last 7 days only; the API answers as WHMCS does, every line
        String text = unique("Old line for the API ");
        core.jdbc().update("INSERT INTO activity_log (created, message, client_id, username) VALUES (?, ?, 0, 'System')",
                java.time.Instant.now().minus(java.time.Duration.ofDays(30)), text);
        JsonNode entries = call("GetActivityLog", "description", text).ok().json().path("activity").path("entry");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("description").asText()).isEqualTo(text);
    }

    @Test
    void unknownActorKindsAndMixedDateFiltersAreRefused() {
        call("GetActivityLog", "actortype", "robot' OR 1=1").refused(200,
                "Parameter actortype must be one of system, admin, client, api, visitor; got 'robot' OR 1=1'");
        call("GetActivityLog", "date", "2027-01-01", "dateto", "2027-01-02").refused(200,
                "Give either date or datefrom/dateto, not both");
        call("GetActivityLog", "datefrom", "yesterday").refused(200,
                "Parameter datefrom must be a date like 2027-01-31, got 'yesterday'");
    }

    @Test
    void badLogInputIsRefusedAndLogsNothing() {
        long before = call("GetActivityLog").ok().id("totalresults");

        call("LogActivity").refused(200, "Missing required parameter: description");
        call("LogActivity", "description", "x", "clientid", "999999").refused(200, "Client ID Not Found");
        call("GetActivityLog", "limitnum", "5000").refused(200, "Parameter limitnum must be between 1 and 1000");
        call("GetActivityLog", "clientid", "none").refused(200, "Parameter clientid must be a positive whole number");
        call("GetActivityLog", "userid", "1").refused(200, "Parameter userid is not supported by this host");

        assertThat(call("GetActivityLog").ok().id("totalresults")).isEqualTo(before);
    }
}
