package org.billinghost.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.itests.support.Eventually.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.itests.support.HostApi;
import org.billinghost.testsupport.AdminSession;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 6's hot-deploy test on the real launcher: the two Jetpack bundles copied into an empty modules/ become
 * active within 10 s and the addon shows in Setup > Addon Modules; deleted, they disappear while products and
 * services stay stored; copied back, everything works again — one host process throughout.
 */
public class HotDeployIT {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());

    @Test
    public void jetpackBundlesComeAndGoWithTheirFilesWithoutARestart() throws Exception {
        Path modules = tmp.newFolder("modules").toPath();
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().modules(modules).start()) {
            HostApi api = new HostApi(ApiClient.demo(host));
            AdminSession admin = AdminSession.login(host, "admin", "admin");
            assertThat(jetpackAvailable(api)).as("nothing deployed yet").isFalse();

            copyJetpackInto(modules);
            await(TEN_SECONDS, "Jetpack server module and addon active", () -> jetpackAvailable(api));
            assertThat(addonModulesPage(admin)).contains("Jetpack");

            long productId = api.addProduct("Jetpack Personal", "jetpack", "", Map.of("configoption1", "1001",
                    "configoption2", "demo-partner-secret"));
            long clientId = api.client().addClient("Grace", "Hopper", "grace@example.com");
            long serviceId = api.orderOne(clientId, productId);
            JsonNode service = api.client().service(serviceId);

            deleteJars(modules);
            await(TEN_SECONDS, "Jetpack server module and addon gone",
                    () -> !api.moduleAvailable("server", "jetpack") && !api.moduleAvailable("addon", "jetpack"));
            assertThat(api.product(productId).path("module").asText()).isEqualTo("jetpack");
            assertThat(api.client().service(serviceId)).as("service and its details still stored").isEqualTo(service);

            copyJetpackInto(modules);
            await(TEN_SECONDS, "Jetpack server module and addon back", () -> jetpackAvailable(api));
            assertThat(addonModulesPage(admin)).contains("Jetpack");
            assertThat(api.client().service(serviceId)).isEqualTo(service);
            assertThat(host.isAlive()).as("the same host process throughout").isTrue();
        }
    }

    private static boolean jetpackAvailable(HostApi api) {
        return api.moduleAvailable("server", "jetpack") && api.moduleAvailable("addon", "jetpack");
    }

    private static String addonModulesPage(AdminSession admin) {
        var page = admin.get("admin/configaddonmods");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static void copyJetpackInto(Path modules) throws IOException {
        List<Path> jars = DistributionBundles.jetpackBundles();
        assertThat(jars).hasSize(2);
        for (Path jar : jars) {
            Files.copy(jar, modules.resolve(jar.getFileName()));
        }
    }

    private static void deleteJars(Path modules) throws IOException {
        try (var files = Files.list(modules)) {
            for (Path jar : files.toList()) {
                Files.delete(jar);
            }
        }
    }
}
