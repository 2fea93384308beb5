package org.billinghost.itests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.Assume;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium} driven through {@code chromium-driver}, as a JUnit 4 rule: it
 * skips the test loudly when the browser is not installed, starts a fresh profile per test, saves a
 * screenshot and the page source under {@code target/browser-screenshots/} when the test fails, and
 * quits the browser afterwards.
 */
public final class HeadlessChrome extends TestWatcher {
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private WebDriver driver;
    private Path profile;

    /** The browser of the running test, started on first use. */
    public WebDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    /** Skips (with a banner on stderr) when chromium or its driver is missing. */
    public static void assumeInstalled() {
        if (!Files.isExecutable(DRIVER) || !Files.isExecutable(BROWSER)) {
            String message = "SKIPPED real-browser test: " + DRIVER + " or " + BROWSER
                    + " is missing (apt-get install -y chromium chromium-driver)";
            System.err.println("\n**********************************************************************");
            System.err.println("*** " + message);
            System.err.println("**********************************************************************\n");
            Assume.assumeTrue(message, false);
        }
    }

    private WebDriver start() {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1024", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    @Override
    protected void failed(Throwable e, Description description) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            String name = description.getTestClass().getSimpleName() + "-" + description.getMethodName();
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("Screenshot of the failed browser test: " + SCREENSHOTS.resolve(name + ".png").toAbsolutePath());
        } catch (IOException | RuntimeException ex) {
            System.err.println("Could not save the screenshot: " + ex);
        }
    }

    @Override
    protected void finished(Description description) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete the browser profile " + dir + ": " + e);
        }
    }
}
