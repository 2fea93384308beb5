package org.billinghost.itests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.billinghost.testsupport.HostProcess;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 16's password reset in a real browser on the real distribution (demo mode, so the message is stored
 * and read from the admin's E-mail Log): a customer forgets the password, follows the link, sets a new one,
 * logs in with it, and the link then refuses a second use.
 */
public class PasswordResetBrowserIT extends BrowserTestSupport {
    private static final Pattern LINK = Pattern.compile("/resetpassword\\?key=([A-Za-z0-9_-]+)");

    @Test
    public void aCustomerResetsTheirPasswordWithTheEmailedLink() throws Exception {
        try (HostProcess host = HostProcess.options(tmp.newFolder("data").toPath()).demo().start()) {
            WebDriver driver = chrome.driver();
            AdminPages ui = new AdminPages(driver, host.baseUrl());
            String email = "forgetful-" + System.nanoTime() + "@example.com";
            ui.register("For", "Getful", email, "first-pass-1");
            driver.manage().deleteAllCookies();

            ui.open("/login");
            ui.follow(By.linkText("Forgot your password?"));
            ui.type(By.id("email"), email);
            ui.press("Send me a link");
            assertThat(ui.notice()).startsWith("If this address belongs to an account, a link to choose a new password");

            ui.login("admin", "admin");
            ui.open("/admin/emaillog?search=" + email);
            ui.follow(By.xpath("//tr[td[normalize-space()='Reset your password']]/td[1]/a"));
            Matcher link = LINK.matcher(ui.text(By.id("email-text")));
            assertThat(link.find()).as("a reset link in the message").isTrue();
            driver.manage().deleteAllCookies();

            ui.open(link.group());
            ui.type(By.id("password"), "second-pass-2");
            ui.type(By.id("password2"), "second-pass-2");
            ui.press("Change the password");
            assertThat(ui.notice()).isEqualTo("Your password has been changed. Log in with it.");

            ui.open("/login");
            ui.type(By.id("email"), email);
            ui.type(By.id("password"), "second-pass-2");
            ui.follow(By.cssSelector("main button[type=submit]"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My services");

            ui.open(link.group());
            ui.type(By.id("password"), "third-pass-3");
            ui.type(By.id("password2"), "third-pass-3");
            ui.press("Change the password");
            assertThat(ui.notice())
                    .isEqualTo("This password reset link has expired or has already been used. Ask for a new one.");
        }
    }
}
