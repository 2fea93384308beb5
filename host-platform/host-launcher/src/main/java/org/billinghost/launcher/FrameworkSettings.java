package org.billinghost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The framework properties the launcher hands to Felix and, through it, to the host's bundles. */
final class FrameworkSettings {
    /** The PID of the Jetpack Partner API client, pointed at the sandbox in demo mode or by --partner-api-url. */
    static final String PARTNER_API_PID = "jetpack.partner.api";
    /** The token of the launcher's readiness probe; its presence turns host-web's start-up gate on. */
    static final String STARTUP_PROBE_TOKEN = "billing.startup.probe.token";
    static final String SLF4J_PROVIDER = "slf4j.provider";
    static final String LOGBACK_PROVIDER = "ch.qos.logback.classic.spi.LogbackServiceProvider";
    /**
     * slf4j-api and logback-classic require the OSGi service loader extenders (a mediator such as SPI Fly); SLF4J
     * finds Logback through {@value #SLF4J_PROVIDER} instead, so the framework declares them itself.
     */
    static final String SERVICE_LOADER_EXTENDERS =
            "osgi.extender;osgi.extender=\"osgi.serviceloader.processor\";version:Version=\"1.0\","
            + "osgi.extender;osgi.extender=\"osgi.serviceloader.registrar\";version:Version=\"1.0\"";

    private FrameworkSettings() {
    }

    static Map<String, String> build(LauncherOptions options, Distribution distribution, Path generatedConfDir) {
        Path data = options.dataDir();
        Path modules = modulesDir(options, distribution);
        Map<String, String> p = new HashMap<>();
        p.put("org.osgi.framework.storage", data.resolve("cache").toString());
        // A clean cache makes each start see exactly the files on disk (updated system bundles, modules removed
        // while the host was down); system bundles are referenced in place, so cleaning costs no copying.
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        p.put("felix.log.level", "1");
        p.put("org.osgi.framework.system.capabilities.extra", SERVICE_LOADER_EXTENDERS);
        p.put("ds.loglevel", "warn");
        // Event Admin prints to stdout without a LogService: errors only (its stop-time warnings are noise)
        p.put("org.apache.felix.eventadmin.LogLevel", "1");
        // a hook handler that once takes longer than the default 5 s would be deny-listed for good: hooks must not vanish
        p.put("org.apache.felix.eventadmin.Timeout", "0");

        p.put("org.osgi.service.http.port", Integer.toString(options.port()));
        p.put("org.apache.felix.http.host", options.bind());

        // modules/ for bundles, conf/ for the administrator's .cfg files, the data dir's conf/ for launcher-made ones
        p.put("felix.fileinstall.dir", String.join(",", modules.toString(), confDir(options, distribution).toString(),
                generatedConfDir.toString()));
        p.put("felix.fileinstall.poll", "1000");
        // measured: without it Configuration Admin waits ~1.6 s on FileInstall's first delayed scan
        p.put("felix.fileinstall.noInitialDelay", "true");
        // the administrator's files are never rewritten by the host
        p.put("felix.fileinstall.enableConfigSave", "false");
        // FileInstall would print stack traces on stdout; the launcher reports unresolved modules itself (ModuleWatch)
        p.put("felix.fileinstall.log.level", "0");
        p.put("felix.fileinstall.tmpdir", data.resolve("tmp").toString());
        p.put("felix.fileinstall.filter", fileFilter(partnerApiUrl(options) != null));

        p.put("billing.data.dir", data.toString());
        // /health/ready checks that every bundle in this folder is active
        p.put("billing.modules.dir", modules.toString());
        p.put("billing.demo", Boolean.toString(options.demo()));
        p.put("billing.http.port", Integer.toString(options.port()));
        p.put("billing.http.bind", options.bind());
        p.put("billing.db.url", options.dbUrl());
        p.put("billing.db.user", options.dbUser());
        p.put("billing.db.password.file", options.dbPasswordFile() == null ? "" : options.dbPasswordFile().toString());
        String adminPassword = System.getenv("BILLING_HOST_ADMIN_PASSWORD");
        if (adminPassword != null && !adminPassword.isEmpty()) {
            p.put("billing.admin.password", adminPassword);
        }
        return p;
    }

    /**
     * Bundles and configurations only (conf/ also holds logback.xml and a README); when the launcher generates
     * the configuration of the Partner API client, it takes the place of the administrator's one.
     */
    static String fileFilter(boolean partnerApiGenerated) {
        String exclude = partnerApiGenerated ? "(?!" + PARTNER_API_PID.replace(".", "\\.") + "\\.cfg$)" : "";
        return "^" + exclude + ".*\\.(jar|cfg|config)$";
    }

    static Path modulesDir(LauncherOptions options, Distribution distribution) {
        return options.modulesDir() != null ? options.modulesDir() : distribution.modulesDir();
    }

    /** The administrator's configuration: {@code --conf}, kept outside the distribution so an upgrade keeps it. */
    static Path confDir(LauncherOptions options, Distribution distribution) {
        return options.confDir() != null ? options.confDir() : distribution.confDir();
    }

    /** The Partner API base URL the launcher imposes: {@code --partner-api-url}, else the sandbox in demo mode. */
    static String partnerApiUrl(LauncherOptions options) {
        if (options.partnerApiUrl() != null) {
            return options.partnerApiUrl();
        }
        return options.demo() ? "http://127.0.0.1:" + options.port() + "/sandbox/wpcom" : null;
    }

    /**
     * Writes (when the launcher imposes a base URL) or removes the launcher's configuration of the Partner API
     * client, so that a host started without {@code --demo} after a demo run talks to the real Partner API again.
     */
    static void writeGeneratedConfig(LauncherOptions options, Distribution distribution, Path generatedConfDir)
            throws StartupException {
        Path file = generatedConfDir.resolve(PARTNER_API_PID + ".config");
        try {
            Files.createDirectories(generatedConfDir);
            String baseUrl = partnerApiUrl(options);
            if (baseUrl == null) {
                Files.deleteIfExists(file);
                return;
            }
            Map<String, String> values = new java.util.TreeMap<>(adminValues(confDir(options, distribution)));
            values.put("baseUrl", baseUrl);
            StringBuilder text = new StringBuilder("# Written by the launcher (--demo or --partner-api-url); do not edit.\n");
            values.forEach((key, value) -> text.append(key).append("=\"").append(escape(value)).append("\"\n"));
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new StartupException("Cannot write the Partner API configuration " + file + ".", e);
        }
    }

    /** Keeps the administrator's other settings of the PID (timeouts) when the launcher imposes the base URL. */
    private static Map<String, String> adminValues(Path confDir) throws IOException {
        Path adminFile = confDir.resolve(PARTNER_API_PID + ".cfg");
        Map<String, String> values = new HashMap<>();
        if (Files.isRegularFile(adminFile)) {
            java.util.Properties props = new java.util.Properties();
            try (var reader = Files.newBufferedReader(adminFile)) {
                props.load(reader);
            }
            props.stringPropertyNames().forEach(name -> values.put(name, props.getProperty(name)));
        }
        return values;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
