package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.junit.jupiter.api.Test;

/** GetModuleQueue, RetryModuleQueueItem, ResolveModuleQueueItem. */
class QueueApiTest extends ApiTestSupport {

    /** Orders a product whose automatic Create fails permanently; answers the service id. */
    private static long failedCreate(Product p) {
        long serviceId = Long.parseLong(call("AddOrder", "clientid", String.valueOf(newClient()),
                "pid", String.valueOf(p.id())).ok().json().path("serviceids").asText());
        core.runDueJobs();
        return serviceId;
    }

    private static JsonNode queueItem(long serviceId) {
        JsonNode queue = call("GetModuleQueue", "relatedId", String.valueOf(serviceId)).ok().json().path("queue");
        assertThat(queue).hasSize(1);
        return queue.get(0);
    }

    @Test
    void aFailedAutomaticCreateIsListedWithItsErrorAndFilters() {
        Product p = product(AutoSetup.ORDER, "fail", PayType.FREE, BigDecimal.ZERO);
        long serviceId = failedCreate(p);

        JsonNode item = queueItem(serviceId);
        assertThat(item.path("service_id").asLong()).isEqualTo(serviceId);
        assertThat(item.path("module_name").asText()).isEqualTo("testmodule");
        assertThat(item.path("last_attempt_error").asText()).contains("behaviour fail");
        assertThat(item.path("num_retries").asInt()).isEqualTo(1);
        assertThat(item.path("completed").asInt()).isZero();

        assertThat(call("GetModuleQueue", "moduleName", "testmodule", "moduleAction", "CreateAccount").ok()
                .json().path("queue")).extracting(i -> i.path("service_id").asLong()).contains(serviceId);
        assertThat(call("GetModuleQueue", "moduleAction", "SuspendAccount").ok().json().path("count").asInt()).isZero();
        assertThat(call("GetModuleQueue", "moduleName", "othermodule").ok().json().path("count").asInt()).isZero();
        assertThat(call("GetModuleQueue", "since", "2999-01-01").ok().json().path("count").asInt()).isZero();
        assertThat(call("GetModuleQueue", "since", "2000-01-01 00:00:00", "relatedId", String.valueOf(serviceId)).ok()
                .json().path("count").asInt()).isEqualTo(1);
    }

    @Test
    void retryRunsTheCommandAgainAndResolvesTheItemOnSuccess() {
        Product p = product(AutoSetup.ORDER, "fail", PayType.FREE, BigDecimal.ZERO);
        long serviceId = failedCreate(p);
        String itemId = queueItem(serviceId).path("id").asText();

        Reply stillFailing = call("RetryModuleQueueItem", "id", itemId);
        assertThat(stillFailing.result()).isEqualTo("error");
        assertThat(stillFailing.message()).contains("behaviour fail");

        core.catalog().updateConfigOptions(List.of(p.id()), 1, "success");
        call("RetryModuleQueueItem", "id", itemId).ok();

        assertThat(service(serviceId).path("status").asText()).isEqualTo("Active");
        assertThat(call("GetModuleQueue", "relatedId", String.valueOf(serviceId)).ok().json().path("count").asInt())
                .isZero();
    }

    @Test
    void resolveMarksTheItemDoneWithoutRunningIt() {
        long serviceId = failedCreate(product(AutoSetup.ORDER, "fail", PayType.FREE, BigDecimal.ZERO));
        String itemId = queueItem(serviceId).path("id").asText();

        JsonNode resolved = call("ResolveModuleQueueItem", "id", itemId).ok().json().path("item");

        assertThat(resolved.path("completed").asInt()).isEqualTo(1);
        assertThat(service(serviceId).path("status").asText()).isEqualTo("Pending");
        assertThat(call("GetModuleQueue", "relatedId", String.valueOf(serviceId)).ok().json().path("count").asInt())
                .isZero();
        assertThat(call("GetModuleQueue", "relatedId", String.valueOf(serviceId), "includeResolved", "1").ok()
                .json().path("count").asInt()).isEqualTo(1);
    }

    @Test
    void badQueueInputIsRefused() {
        call("GetModuleQueue", "serviceType", "domain").refused(200, "serviceType 'domain' is not supported");
        call("GetModuleQueue", "since", "yesterday").refused(200, "Parameter since must be a date");
        call("GetModuleQueue", "relatedId", "x").refused(200, "Parameter relatedid must be a positive whole number");
        call("RetryModuleQueueItem").refused(200, "Missing required parameter: id");
        call("RetryModuleQueueItem", "id", "999999").refused(200, "");
        call("ResolveModuleQueueItem", "id", "999999").refused(200, "");
    }
}
