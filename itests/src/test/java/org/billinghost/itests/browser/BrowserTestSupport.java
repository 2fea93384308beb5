package org.billinghost.itests.browser;

import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/** What every real-browser test needs: a work folder under target/ and headless Chromium (skipped when absent). */
public abstract class BrowserTestSupport {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder(Path.of("target").toAbsolutePath().toFile());
    @Rule
    public HeadlessChrome chrome = new HeadlessChrome();

    @Before
    public void browserInstalled() {
        HeadlessChrome.assumeInstalled();
    }
}
