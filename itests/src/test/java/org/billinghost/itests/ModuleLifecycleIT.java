package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.billinghost.itests.support.Eventually.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.itests.support.HostApi;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.ApiException;
import org.billinghost.testsupport.HostProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 2's in-container test on the real launcher: a server module bundle dropped into modules/ at run time
 * provisions an order placed through the API (auto-setup "order"), its hooks fire; once the bundle is removed
 * ModuleCreate answers that the module is not available and every stored row is still there.
 */
public class ModuleLifecycleIT {
    private static final String MODULE = "testmodule";
    private static final Duration DEPLOY = Duration.ofSeconds(30);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void aModuleDroppedInWhileRunningProvisionsOrdersAndItsRemovalKeepsEveryRow() throws Exception {
        Path modules = tmp.newFolder("modules").toPath();
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().modules(modules).start()) {
            HostApi api = new HostApi(ApiClient.demo(host));
            assertThat(api.moduleAvailable("server", MODULE)).as("no test module before the drop").isFalse();
            long productId = api.addProduct("Test server", MODULE, "order", Map.of("configoption1", "success"));

            Path jar = modules.resolve("host-test-modules.jar");
            Files.copy(DistributionBundles.testModulesBundle(), jar);
            await(DEPLOY, "server module " + MODULE + " registered after the drop", () -> api.moduleAvailable("server", MODULE));

            long clientId = api.client().addClient("Ada", "Lovelace", "ada@example.com");
            long serviceId = api.orderOne(clientId, productId);
            await(Duration.ofSeconds(30), "service " + serviceId + " Active",
                    () -> "Active".equals(api.client().serviceStatus(serviceId)));
            await(DEPLOY, "Create and its hooks recorded for service " + serviceId, () ->
                    api.activityContains("Module Create Successful - Service ID: " + serviceId)
                            && api.activityContains("testmodule hook PreModuleCreate serviceid=" + serviceId)
                            && api.activityContains("testmodule hook AfterModuleCreate serviceid=" + serviceId));
            JsonNode before = api.client().service(serviceId);

            Files.delete(jar);
            await(DEPLOY, "server module " + MODULE + " gone after the removal", () -> !api.moduleAvailable("server", MODULE));

            assertThatThrownBy(() -> api.client().call("ModuleCreate", Map.of("serviceid", serviceId)))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("Module '" + MODULE + "' is not available: its bundle is not installed or not active.");
            assertThat(api.client().service(serviceId)).as("the service row, unchanged").isEqualTo(before);
            JsonNode product = api.product(productId);
            assertThat(product.path("module").asText()).isEqualTo(MODULE);
            assertThat(product.path("autosetup").asText()).isEqualTo("order");
            assertThat(api.client().call("GetClientsDetails", Map.of("clientid", clientId)).toString()).contains("ada@example.com");
            assertThat(api.client().call("GetOrders", Map.of("id", api.client().service(serviceId).path("orderid").asLong()))
                    .path("totalresults").asInt()).isEqualTo(1);

            assertThat(host.stop()).as("exit status after SIGTERM (a clean stop)").isZero();
        }
    }
}
