package org.billinghost.itests.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.billinghost.itests.support.Eventually.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.billinghost.itests.browser.AdminPages;
import org.billinghost.itests.browser.BrowserTestSupport;
import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.itests.support.HostApi;
import org.billinghost.testsupport.ApiClient;
import org.billinghost.testsupport.HostProcess;
import org.billinghost.testsupport.SandboxClient;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 5's first hour in a real browser (headless chromium, demo mode): an admin activates the
 * Jetpack addon, configures the sandbox's demo partner, validates it, creates the Jetpack products
 * and provisions a plan by hand — all by clicking. A failure leaves a screenshot under
 * {@code target/browser-screenshots/}.
 */
public class JetpackAddonBrowserIT extends BrowserTestSupport {
    @Test
    public void anAdminSetsUpJetpackByClicking() throws Exception {
        Path modules = tmp.newFolder("modules").toPath();
        for (Path jar : DistributionBundles.jetpackBundles()) {
            Files.copy(jar, modules.resolve(jar.getFileName()));
        }
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().modules(modules).start()) {
            HostApi api = new HostApi(ApiClient.demo(host));
            await(Duration.ofSeconds(20), "Jetpack addon and server module registered",
                    () -> api.moduleAvailable("addon", "jetpack") && api.moduleAvailable("server", "jetpack"));
            WebDriver driver = chrome.driver();
            AdminPages ui = new AdminPages(driver, host.baseUrl());
            ui.login("admin", "admin");

            assertThat(ui.activateAddon("jetpack")).startsWith("Activated Jetpack by Automattic.");
            ui.configureAddon("jetpack");
            ui.type(By.name("f_partner_client_id"), "1001");
            ui.type(By.name("f_partner_client_secret"), "demo-partner-secret");
            ui.tick(By.cssSelector("input[name=roles][value='Full Administrator']"), true);
            ui.press("Save Changes");
            assertThat(ui.notice()).startsWith("Saved the configuration of Jetpack by Automattic.");

            ui.open("/admin/addonmodules?module=jetpack");
            assertThat(ui.text(By.cssSelector(".addon-output dl"))).contains("1001").contains("********");
            assertThat(driver.getPageSource()).doesNotContain("demo-partner-secret");
            ui.press("Validate Partner Credentials");
            assertThat(ui.text(By.cssSelector(".addon-output .alert-success"))).contains("The partner credentials are valid");

            ui.follow(By.linkText("Manage Jetpack Products"));
            new Select(driver.findElement(By.name("product_group_id"))).selectByVisibleText("Jetpack");
            ui.press("Create Jetpack Products");
            assertThat(ui.text(By.cssSelector(".addon-output .alert-success"))).startsWith("The Jetpack products were created");
            assertThat(driver.findElements(By.cssSelector(".addon-output table a"))).extracting(e -> e.getText())
                    .containsExactly("Jetpack - Free Plan", "Jetpack - Personal Plan", "Jetpack - Premium Plan",
                            "Jetpack - Professional Plan");

            ui.follow(By.linkText("Provision Jetpack Plans"));
            ui.select(By.name("plan"), "personal");
            ui.type(By.name("site_url"), "browser-it.example.com");
            ui.type(By.name("local_user"), "admin");
            ui.press("Provision Plan");
            assertThat(ui.text(By.cssSelector(".addon-output .alert-success")))
                    .startsWith("The Jetpack Personal plan was provisioned for browser-it.example.com. URL to Activate Jetpack:");
            assertThat(driver.findElement(By.cssSelector(".addon-output .alert-success a")).getAttribute("href")).startsWith("http");
            assertThat(SandboxClient.of(host).sites().toString()).contains("browser-it.example.com");
        }
    }
}
