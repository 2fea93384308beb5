package org.billinghost.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.itests.support.DistributionBundles;
import org.billinghost.testsupport.HostProcess;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 3's real-browser test on the real distribution (demo mode): an admin logs in, activates and
 * configures the test addon, creates a product with a custom field and the test server module
 * (auto-setup on order); a customer registers and orders it; the service shows Active in the client
 * area and in the admin area. A failure leaves a screenshot under {@code target/browser-screenshots/}.
 */
public class AdminAndClientBrowserIT extends BrowserTestSupport {
    private static final Duration PROVISIONING = Duration.ofSeconds(30);

    @Test
    public void anAdminSetsUpAProductAndACustomerOrdersItUntilItIsActive() throws Exception {
        Path modules = tmp.newFolder("modules").toPath();
        Files.copy(DistributionBundles.testModulesBundle(), modules.resolve("host-test-modules.jar"));
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().modules(modules).start()) {
            WebDriver driver = chrome.driver();
            AdminPages ui = new AdminPages(driver, host.baseUrl());

            ui.login("admin", "admin");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");

            assertThat(ui.activateAddon("testaddon")).startsWith("Activated Test Addon.");
            ui.configureAddon("testaddon");
            ui.type(By.name("f_greeting"), "Hello from the browser");
            ui.type(By.name("f_secret"), "browser-secret-1");
            ui.tick(By.name("f_enabled"), true);
            ui.select(By.name("f_colour"), "green");
            ui.tick(By.cssSelector("input[name=f_size][value=large]"), true);
            ui.tick(By.cssSelector("input[name=roles][value='Full Administrator']"), true);
            ui.press("Save Changes");
            assertThat(ui.notice()).startsWith("Saved the configuration of Test Addon.");
            assertThat(driver.findElement(By.name("f_secret")).getAttribute("value")).isEmpty();
            assertThat(driver.getPageSource()).doesNotContain("browser-secret-1");
            ui.open("/admin/addonmodules?module=testaddon");
            assertThat(ui.text(By.cssSelector(".addon-output h2"))).isEqualTo("Hello from the browser");

            ui.open("/admin/configproducts");
            ui.type(By.id("groupname"), "Browser Group");
            ui.press("Create group");
            assertThat(ui.notice()).isEqualTo("Created product group Browser Group.");
            ui.follow(By.xpath("//h2[contains(., 'Browser Group')]//a[normalize-space()='Create a new product']"));
            ui.type(By.id("name"), "Browser Product");
            ui.select(By.id("module"), "testmodule");
            ui.press("Save Changes");
            assertThat(ui.notice()).contains("Showing the settings of the chosen module");
            ui.select(By.name("configoption1"), "success");
            ui.type(By.name("configoption2"), "Made in the browser");
            ui.tick(By.cssSelector("input[name=autosetup][value=order]"), true);
            ui.press("Save Changes");
            assertThat(ui.notice()).isEqualTo("Saved product Browser Product.");
            Matcher id = Pattern.compile("[?&]id=(\\d+)").matcher(driver.getCurrentUrl());
            assertThat(id.find()).as("product id in " + driver.getCurrentUrl()).isTrue();

            ui.type(By.id("fieldname-new"), "Site name");
            ui.type(By.id("fielddescription-new"), "The name of your site");
            ui.tick(By.xpath("//fieldset[legend='Add a custom field']//input[@name='required']"), true);
            ui.tick(By.xpath("//fieldset[legend='Add a custom field']//input[@name='showorder']"), true);
            ui.press("Add field");
            assertThat(ui.notice()).isEqualTo("Added custom field Site name.");

            String email = "browser-" + System.nanoTime() + "@example.com";
            ui.register("Brow", "Ser", email, "customer-pass-1");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My services");

            ui.open("/");
            ui.follow(By.xpath("//tr[td/a[normalize-space()='Browser Product']]//a[normalize-space()='Order now']"));
            ui.type(By.xpath("//label[starts-with(normalize-space(), 'Site name')]/following-sibling::input"), "My browser site");
            ui.press("Review order");
            assertThat(ui.text(By.id("total-due-today"))).isEqualTo("$0.00 USD");
            ui.press("Place order");
            assertThat(ui.notice()).contains("is placed");

            ui.open("/clientarea/services");
            ui.reloadUntil(PROVISIONING, "the service to be Active in the client area", () ->
                    driver.findElements(By.cssSelector("main section[id^='service-'] .status")).stream()
                            .anyMatch(e -> e.getText().equals("Active")));
            // services are the sections with an id service-N; addons' own client-area output comes before them
            assertThat(ui.text(By.cssSelector("main section[id^='service-']"))).contains("Browser Product");

            ui.open("/admin/clients?search=" + email);
            ui.follow(By.linkText("Brow Ser"));
            ui.follow(By.linkText("Browser Product"));
            assertThat(ui.text(By.id("service-status"))).isEqualTo("Active");
            assertThat(driver.getCurrentUrl()).contains("/admin/clientsservices?id=");
            assertThat(driver.findElement(By.cssSelector("input[value='My browser site']")).isDisplayed()).isTrue();
        }
    }
}
