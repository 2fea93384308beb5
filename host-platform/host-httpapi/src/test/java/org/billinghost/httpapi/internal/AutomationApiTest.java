package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.junit.jupiter.api.Test;

/** RunAutomation, AddCancelRequest, GetCancelledPackages. */
class AutomationApiTest extends ApiTestSupport {

    private static long service() {
        return Long.parseLong(call("AddOrder", "clientid", String.valueOf(newClient()), "pid",
                String.valueOf(product(AutoSetup.MANUAL, "success", PayType.RECURRING, BigDecimal.TEN).id()))
                .ok().json().path("serviceids").asText());
    }

    @Test
    void runAutomationAnswersTheFinishedRunWithItsCounts() {
        JsonNode run = call("RunAutomation").ok().json();

        assertThat(run.path("state").asText()).isEqualTo("Finished");
        assertThat(run.path("failures").asInt()).isZero();
        assertThat(run.path("notices").isInt()).isTrue();
        assertThat(run.path("runid").asLong()).isEqualTo(core.automation().recentRuns().get(0).id());
    }

    @Test
    void aCancelRequestIsRecordedOnceAndListed() {
        long serviceId = service();

        JsonNode added = call("AddCancelRequest", "serviceid", String.valueOf(serviceId), "type", "Immediate",
                "reason", "Not needed").ok().json();
        call("AddCancelRequest", "serviceid", String.valueOf(serviceId)).refused(200,
                "Service " + serviceId + " already has a cancellation request");

        assertThat(added.path("serviceid").asLong()).isEqualTo(serviceId);
        assertThat(call("GetCancelledPackages", "limitnum", "1000").ok().json().path("packages").path("package")
                .findValuesAsText("relid")).contains(String.valueOf(serviceId));
    }

    @Test
    void badCancelRequestsAreRefusedByName() {
        long serviceId = service();

        call("AddCancelRequest", "serviceid", String.valueOf(serviceId), "type", "Tomorrow")
                .refused(200, "type 'Tomorrow' is not a cancellation type");
        call("AddCancelRequest", "serviceid", String.valueOf(serviceId), "reason", "x".repeat(1001))
                .refused(200, "The reason is longer than 1000 characters");
        call("AddCancelRequest", "serviceid", "999999999").refused(200, "Service 999999999 not found");
        call("AddCancelRequest").refused(200, "Missing required parameter: serviceid");
        assertThat(core.cancellationRequests().ofService(serviceId)).isEmpty();
    }
}
