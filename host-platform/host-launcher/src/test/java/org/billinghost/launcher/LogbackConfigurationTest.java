package org.billinghost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/** The distribution's {@code conf/logback.xml}, which the launcher hands to Logback (see {@code Main}). */
class LogbackConfigurationTest {
    private static final Path CONFIGURATION = Path.of("../../features/src/main/dist/conf/logback.xml");

    @TempDir
    Path data;

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void configure() throws Exception {
        context.setMDCAdapter(new LogbackMDCAdapter()); // what slf4j's provider sets in the host
        context.putProperty("billing.data.dir", data.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(CONFIGURATION.toFile());
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aValueWithCarriageReturnAndLineFeedStaysOnItsLine() throws Exception {
        Logger log = context.getLogger("org.billinghost.web.Login");

        log.info("Login failed: username={}", "alice\r\n2026-01-01 00:00:00.000 [main] INFO  Login - admin logged in");

        assertThat(logLines()).singleElement().asString().endsWith(" INFO  org.billinghost.web.Login [] - Login failed: "
                + "username=alice\\r\\n2026-01-01 00:00:00.000 [main] INFO  Login - admin logged in");
    }

    @Test
    void stackTracesKeepTheirLines() throws Exception {
        Logger log = context.getLogger("org.billinghost.web.Page");

        log.error("Page failed", new IllegalStateException("broken"));

        List<String> lines = logLines();
        assertThat(lines.get(0)).endsWith(" ERROR org.billinghost.web.Page [] - Page failed");
        assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: broken");
        assertThat(lines.get(2)).startsWith("\tat org.billinghost.launcher.LogbackConfigurationTest.");
    }

    @Test
    void aRequestsLinesCarryItsIdAndItsAccessLineGoesToTheAccessLogOnly() throws Exception {
        context.getMDCAdapter().put("requestId", "0123456789abcdef");
        context.getLogger("org.billinghost.web.Page").warn("Refused");
        context.getLogger("org.billinghost.access").info("GET /admin/login 200 3ms 127.0.0.1");

        assertThat(logLines()).singleElement().asString()
                .endsWith(" WARN  org.billinghost.web.Page [0123456789abcdef] - Refused");
        assertThat(Files.readAllLines(data.resolve("logs/access.log"))).singleElement().asString()
                .endsWith(" 0123456789abcdef GET /admin/login 200 3ms 127.0.0.1");
    }

    private List<String> logLines() throws Exception {
        context.stop(); // flushes and closes the file
        return Files.readAllLines(data.resolve("logs/billing-host.log"));
    }
}
