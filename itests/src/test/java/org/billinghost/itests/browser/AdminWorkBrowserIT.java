package org.billinghost.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.billinghost.testsupport.HostProcess;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 18 in Chromium on the real distribution (demo mode): the menu fits one line at 1366 px and folds on a
 * 360 px phone, {@code /} focuses the global search, which finds the demo customer, and the activity log names
 * the admin who logged in and the address; on the phone the admin logs in as the demo customer, and every
 * client-area page shows the banner without being wider than the phone (a long e-mail address in the header wraps),
 * until "Return to admin area". A failure leaves a screenshot under {@code target/browser-screenshots/}.
 */
public class AdminWorkBrowserIT extends BrowserTestSupport {
    private static final String LONG_EMAIL = "demo.customer.with.a.rather.long.mailbox@billing-department.example.com";

    @Test
    public void anAdminSearchesReadsTheAuditTrailAndUsesAPhoneAlsoAsTheClient() throws Exception {
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().start()) {
            WebDriver driver = chrome.driver();
            driver.manage().window().setSize(new Dimension(1366, 900));
            AdminPages ui = new AdminPages(driver, host.baseUrl());
            ui.login("admin", "admin");

            List<WebElement> entries = driver.findElements(By.cssSelector("#menu > a, #menu > details"));
            Set<Integer> rows = entries.stream().map(e -> e.getLocation().getY()).collect(Collectors.toSet());
            assertThat(rows).as("the menu's entries are on one line").hasSize(1);

            new Actions(driver).sendKeys("/").perform();
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("global-search");
            ui.typeIntoFocusedAndSubmit("demo@example.com");
            assertThat(ui.text(By.cssSelector("#found-clients"))).contains("demo@example.com");

            ui.open("/admin/systemactivitylog?kind=admin&search=Admin+Login");
            List<String> cells = driver.findElements(By.cssSelector("table.activity tr:nth-child(2) td")).stream()
                    .map(WebElement::getText).toList();
            assertThat(cells.subList(1, 5)).containsExactly("Admin Login - Username: admin", "", "admin", "127.0.0.1");

            driver.manage().window().setSize(new Dimension(360, 740));
            ui.open("/admin/");
            assertThat(driver.findElement(By.id("menu")).isDisplayed()).as("folded on a phone").isFalse();
            driver.findElement(By.cssSelector("label.menu-button")).click();
            assertThat(driver.findElement(By.id("menu")).isDisplayed()).isTrue();
            assertThat(pageWidth(driver)).as("nothing wider than the phone").isLessThanOrEqualTo(360L);

            // Login as Client, on the phone: the banner on every client-area page, none of them wider than the phone
            ui.open("/admin/search?q=demo%40example.com");
            ui.follow(By.cssSelector("#found-clients a"));
            String clientPage = driver.getCurrentUrl();
            ui.follow(By.id("login-as-client"));
            assertThat(ui.text(By.cssSelector("#impersonation p")))
                    .startsWith("You are logged in as Demo Customer by admin admin.");
            // a long address without a space (shown in the header) must wrap rather than widen the page
            ui.open("/clientarea/details");
            ui.type(By.id("email"), LONG_EMAIL);
            ui.type(By.id("address1"), "Hauptstrasse 1");
            ui.type(By.id("city"), "Berlin");
            ui.type(By.id("postcode"), "10115");
            ui.select(By.id("country"), "DE");
            ui.type(By.id("phonenumber"), "+49 30 1234");
            ui.press("Save details");
            assertThat(ui.notice()).isEqualTo("Your details are saved.");
            for (String page : List.of("/clientarea/services", "/clientarea/invoices", "/clientarea/emails",
                    "/clientarea/details", "/")) {
                ui.open(page);
                assertThat(driver.findElements(By.id("impersonation"))).as(page).hasSize(1);
                assertThat(pageWidth(driver)).as(page + " is no wider than the phone").isLessThanOrEqualTo(360L);
            }
            ui.follow(By.cssSelector("#impersonation button"));
            assertThat(driver.getCurrentUrl()).isEqualTo(clientPage);
            assertThat(ui.notice()).startsWith("You are back in the admin area");
        }
    }

    private static Long pageWidth(WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
    }
}
