package org.billinghost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkSettingsTest {
    @TempDir
    Path dir;

    @Test
    void passesTheSharedPropertiesToTheBundles() throws Exception {
        Distribution dist = new Distribution(dir.resolve("dist"));
        LauncherOptions options = LauncherOptions.parse(List.of("--port", "9191", "--data", dir.resolve("data").toString(),
                "--db-url", "jdbc:h2:mem:x"));
        Map<String, String> p = FrameworkSettings.build(options, dist, dir.resolve("data/conf"));
        assertThat(p).containsEntry("billing.data.dir", dir.resolve("data").toString())
                .containsEntry("billing.http.port", "9191").containsEntry("org.osgi.service.http.port", "9191")
                .containsEntry("billing.http.bind", "127.0.0.1").containsEntry("org.apache.felix.http.host", "127.0.0.1")
                .containsEntry("billing.demo", "false").containsEntry("billing.db.url", "jdbc:h2:mem:x")
                .containsEntry("felix.fileinstall.noInitialDelay", "true");
        assertThat(p.get("felix.fileinstall.dir").split(",")).containsExactly(dist.modulesDir().toString(),
                dist.confDir().toString(), dir.resolve("data/conf").toString());
    }

    @Test
    void confAndModulesOutsideTheDistributionAreWatchedInstead() throws Exception {
        Distribution dist = new Distribution(dir.resolve("dist"));
        LauncherOptions options = LauncherOptions.parse(List.of("--data", dir.resolve("data").toString(),
                "--conf", dir.resolve("etc").toString(), "--modules", dir.resolve("modules").toString()));
        Map<String, String> p = FrameworkSettings.build(options, dist, dir.resolve("data/conf"));
        assertThat(p.get("felix.fileinstall.dir").split(",")).containsExactly(dir.resolve("modules").toString(),
                dir.resolve("etc").toString(), dir.resolve("data/conf").toString());
        assertThat(p).containsEntry("billing.modules.dir", dir.resolve("modules").toString());
    }

    @Test
    void fileInstallSeesBundlesAndConfigurationsOnly() {
        Pattern normal = Pattern.compile(FrameworkSettings.fileFilter(false));
        assertThat(normal.matcher("jetpack-server-bundle-1.0.jar").matches()).isTrue();
        assertThat(normal.matcher("jetpack.partner.api.cfg").matches()).isTrue();
        assertThat(normal.matcher("jetpack.partner.api.config").matches()).isTrue();
        assertThat(normal.matcher("logback.xml").matches()).isFalse();
        assertThat(normal.matcher("README.txt").matches()).isFalse();

        Pattern demo = Pattern.compile(FrameworkSettings.fileFilter(true));
        assertThat(demo.matcher("jetpack.partner.api.cfg").matches()).isFalse();
        assertThat(demo.matcher("jetpack.partner.api.config").matches()).isTrue();
        assertThat(demo.matcher("org.billinghost.core.jobs.cfg").matches()).isTrue();
        assertThat(demo.matcher("x.jar").matches()).isTrue();
    }

    @Test
    void demoPointsThePartnerApiAtTheSandboxKeepingTheAdministratorsOtherValues() throws Exception {
        Distribution dist = new Distribution(dir.resolve("dist"));
        Files.createDirectories(dist.confDir());
        Files.writeString(dist.confDir().resolve("jetpack.partner.api.cfg"),
                "# comment\nbaseUrl=https://example.invalid\nreadTimeoutMillis=1234\n");
        Path generated = dir.resolve("data/conf");
        LauncherOptions demo = LauncherOptions.parse(List.of("--demo", "--port", "9292"));

        FrameworkSettings.writeGeneratedConfig(demo, dist, generated);

        String text = Files.readString(generated.resolve("jetpack.partner.api.config"));
        assertThat(text).contains("baseUrl=\"http://127.0.0.1:9292/sandbox/wpcom\"")
                .contains("readTimeoutMillis=\"1234\"").doesNotContain("example.invalid");
        assertThat(Files.readString(dist.confDir().resolve("jetpack.partner.api.cfg"))).contains("example.invalid");

        FrameworkSettings.writeGeneratedConfig(LauncherOptions.parse(List.of()), dist, generated);
        assertThat(generated.resolve("jetpack.partner.api.config")).doesNotExist();
    }

    @Test
    void anExplicitPartnerApiUrlWinsOverTheSandboxAndWorksWithoutDemo() throws Exception {
        Distribution dist = new Distribution(dir.resolve("dist"));
        Path generated = dir.resolve("data/conf");
        LauncherOptions shared = LauncherOptions.parse(List.of("--partner-api-url", "http://127.0.0.1:7000/sandbox/wpcom"));

        FrameworkSettings.writeGeneratedConfig(shared, dist, generated);

        assertThat(Files.readString(generated.resolve("jetpack.partner.api.config")))
                .contains("baseUrl=\"http://127.0.0.1:7000/sandbox/wpcom\"");
        assertThat(FrameworkSettings.build(shared, dist, generated).get("felix.fileinstall.filter"))
                .isEqualTo(FrameworkSettings.fileFilter(true));
        assertThat(FrameworkSettings.partnerApiUrl(LauncherOptions.parse(List.of("--demo",
                "--partner-api-url", "http://127.0.0.1:7000/x")))).isEqualTo("http://127.0.0.1:7000/x");
    }
}
