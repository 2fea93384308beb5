package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.NewCustomField;
import org.billinghost.api.platform.PayType;
import org.billinghost.api.platform.Product;
import org.billinghost.testmodules.internal.TestServerModule;
import org.junit.jupiter.api.Test;

/** ModuleCreate, ModuleSuspend, ModuleUnsuspend, ModuleTerminate, ModuleChangePackage, ModuleCustom. */
class ModuleCommandApiTest extends ApiTestSupport {

    private static String serviceOf(Product p) {
        return call("AddOrder", "clientid", String.valueOf(newClient()), "pid", String.valueOf(p.id()),
                "domain", "cmd.example").ok().json().path("serviceids").asText();
    }

    private static String status(String serviceId) {
        return service(Long.parseLong(serviceId)).path("status").asText();
    }

    @Test
    void commandsMoveTheServiceThroughItsStatesAndCreateWritesTheModulesField() {
        Product p = freeProduct(AutoSetup.MANUAL, NewCustomField.text(TestServerModule.DETAILS_FIELD, "", false, false));
        String id = serviceOf(p);

        call("ModuleCreate", "serviceid", id).ok();
        assertThat(status(id)).isEqualTo("Active");
        assertThat(customFieldValue(service(Long.parseLong(id)), TestServerModule.DETAILS_FIELD))
                .isEqualTo("created service " + id + " for cmd.example");
        Reply second = call("ModuleCreate", "serviceid", id);
        assertThat(second.result()).isEqualTo("error");
        assertThat(status(id)).isEqualTo("Active");

        call("ModuleSuspend", "serviceid", id, "suspendreason", "Abuse reported").ok();
        assertThat(status(id)).isEqualTo("Suspended");
        assertThat(service(Long.parseLong(id)).path("suspensionreason").asText()).isEqualTo("Abuse reported");
        call("ModuleUnsuspend", "serviceid", id).ok();
        assertThat(status(id)).isEqualTo("Active");
        assertThat(service(Long.parseLong(id)).path("suspensionreason").asText()).isEmpty();
        call("ModuleChangePackage", "serviceid", id).ok();
        call("ModuleCustom", "serviceid", id, "func_name", "ping").ok();
        call("ModuleTerminate", "serviceid", id).ok();
        assertThat(status(id)).isEqualTo("Terminated");
    }

    @Test
    void aSuspendReasonTooLongIsRefusedBeforeTheModuleRuns() {
        String id = serviceOf(freeProduct(AutoSetup.MANUAL));
        call("ModuleCreate", "serviceid", id).ok();

        call("ModuleSuspend", "serviceid", id, "suspendreason", "x".repeat(256))
                .refused(200, "The suspension reason is longer than 255 characters");

        assertThat(status(id)).isEqualTo("Active");
        assertThat(service(Long.parseLong(id)).path("suspensionreason").asText()).isEmpty();
    }

    @Test
    void aFailingModuleAnswersItsMessageAndTheServiceStaysPending() {
        Product p = product(AutoSetup.MANUAL, "fail", PayType.FREE, BigDecimal.ZERO);
        String id = serviceOf(p);

        Reply reply = call("ModuleCreate", "serviceid", id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result()).isEqualTo("error");
        assertThat(reply.message()).isEqualTo("Test module refused CreateAccount (behaviour fail)");
        assertThat(status(id)).isEqualTo("Pending");
    }

    @Test
    void aModuleWhoseBundleIsGoneIsReportedAndNothingChanges() {
        Product p = freeProduct(AutoSetup.MANUAL);
        String id = serviceOf(p);
        core.removeServerModule(TestServerModule.NAME);
        try {
            Reply reply = call("ModuleCreate", "serviceid", id);

            assertThat(reply.result()).isEqualTo("error");
            assertThat(reply.message()).contains("Module 'testmodule' is not available");
            assertThat(status(id)).isEqualTo("Pending");
        } finally {
            core.addServerModule(TestServerModule.NAME, serverModule);
        }
    }

    @Test
    void concurrentCreatesOfOneServiceRunTheModuleOnceAndNeverFailWith500() throws Exception {
        String id = serviceOf(freeProduct(AutoSetup.MANUAL));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(pool.submit(() -> call("ModuleCreate", "serviceid", id)));
            }
            int successes = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isLessThan(500);
                successes += r.result().equals("success") ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
            assertThat(serverModule.count(Long.parseLong(id))).isEqualTo(1);
            assertThat(status(id)).isEqualTo("Active");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badCommandInputIsRefused() {
        String id = serviceOf(freeProduct(AutoSetup.MANUAL));

        call("ModuleCreate").refused(200, "Missing required parameter: serviceid");
        call("ModuleCreate", "serviceid", "1x").refused(200, "Parameter serviceid must be a positive whole number");
        call("ModuleSuspend", "serviceid", "999999").refused(200, "Service ID Not Found: 999999");
        call("ModuleCustom", "serviceid", id).refused(200, "Missing required parameter: func_name");
        Reply unknownFunction = call("ModuleCustom", "serviceid", id, "func_name", "explode");
        assertThat(unknownFunction.result()).isEqualTo("error");
        assertThat(unknownFunction.message()).contains("explode");

        JsonNode service = service(Long.parseLong(id));
        assertThat(service.path("status").asText()).isEqualTo("Pending");
    }

    @Test
    void accountidNamesTheServiceAsServiceidDoes() {
        String id = serviceOf(freeProduct(AutoSetup.MANUAL));
        String other = serviceOf(freeProduct(AutoSetup.MANUAL));

        call("ModuleCreate", "accountid", id, "serviceid", other)
                .refused(200, "Parameters serviceid and accountid name different services: send one of them");
        call("ModuleSuspend", "accountid", "999999").refused(200, "Service ID Not Found: 999999");
        assertThat(status(id)).isEqualTo("Pending");

        call("ModuleCreate", "accountid", id).ok();
        assertThat(status(id)).isEqualTo("Active");
        call("ModuleSuspend", "accountid", id, "serviceid", id, "suspendreason", "Abuse").ok();
        assertThat(status(id)).isEqualTo("Suspended");
        assertThat(status(other)).isEqualTo("Pending");
    }
}
