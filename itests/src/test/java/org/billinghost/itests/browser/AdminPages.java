package org.billinghost.itests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an admin and a customer do in the browser, one page step at a time (host-web's forms and ids). */
public final class AdminPages {
    private final WebDriver driver;
    private final String base;

    /** {@code base} is the host's address ending in a slash, e.g. {@code http://127.0.0.1:8080/}. */
    public AdminPages(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + (path.startsWith("/") ? path.substring(1) : path));
    }

    public void login(String username, String password) {
        open("/admin/login");
        type(By.name("username"), username);
        type(By.name("password"), password);
        follow(By.cssSelector("main button[type=submit]"));
    }

    /** Clicks Activate in the addon's row of Setup > Addon Modules; answers the notice shown. */
    public String activateAddon(String module) {
        open("/admin/configaddonmods");
        follow(By.cssSelector("#addon-" + module + " button"));
        return notice();
    }

    /** Opens the addon's Configure page. */
    public void configureAddon(String module) {
        open("/admin/configaddonmods");
        follow(By.cssSelector("#addon-" + module + " a.button"));
    }

    public void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    public void select(By field, String value) {
        new Select(driver.findElement(field)).selectByValue(value);
    }

    /** Ticks (or unticks) a checkbox or a radio button. */
    public void tick(By box, boolean on) {
        WebElement input = driver.findElement(box);
        if (input.isSelected() != on) {
            input.click();
        }
    }

    public void press(String buttonText) {
        follow(By.xpath("//main//button[normalize-space()='" + buttonText + "']"));
    }

    /**
     * Clicks a link or submit button and waits until the next page replaced this one: a click returns
     * before the browser has loaded the answer, and reading the old page would race with it.
     */
    public void follow(By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> replaced(page));
    }

    /** Types into the element that has the focus, presses Enter and waits for the next page. */
    public void typeIntoFocusedAndSubmit(String text) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.switchTo().activeElement().sendKeys(text + Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> replaced(page));
    }

    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            // Chromium sometimes reports a node of the replaced page as an inspector error, not as a stale reference
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The one-shot message at the top of the page, or an empty string. */
    /** Registers a customer on {@code /register} (an address in Berlin); the browser is then logged in as them. */
    public void register(String firstName, String lastName, String email, String password) {
        open("/register");
        type(By.id("firstname"), firstName);
        type(By.id("lastname"), lastName);
        type(By.id("email"), email);
        type(By.id("address1"), "1 Chrome Street");
        type(By.id("city"), "Berlin");
        type(By.id("state"), "BE");
        type(By.id("postcode"), "10115");
        select(By.id("country"), "DE");
        type(By.id("phonenumber"), "+49 30 123456");
        type(By.id("password"), password);
        type(By.id("password2"), password);
        press("Register");
    }

    /** Saves a PNG of the page as {@code dir/name.png}: the pages a test went through, for people to look at. */
    public void screenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String notice() {
        return driver.findElements(By.cssSelector("main .notice")).stream().findFirst().map(WebElement::getText).orElse("");
    }

    public String text(By element) {
        return driver.findElement(element).getText();
    }

    /** Reloads the page until the condition holds, as a person pressing F5 would. */
    public void reloadUntil(Duration timeout, String what, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + " on " + driver.getCurrentUrl());
            }
            Thread.sleep(500);
            driver.navigate().refresh();
        }
    }
}
