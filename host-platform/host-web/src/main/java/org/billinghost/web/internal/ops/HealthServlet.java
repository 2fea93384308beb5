package org.billinghost.web.internal.ops;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.billinghost.api.platform.HostHealth;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /health/live} (the process serves HTTP) and {@code /health/ready} (the host may take traffic: the launcher
 * said ready, the core's database is usable and migrated with its job workers running, and every bundle in
 * {@code modules/} is active), for load balancers and monitoring. No login: the answers name no host, URL,
 * user or exception, only which check fails.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(HealthServlet.PATH + "*")
@HttpWhiteboardServletName("billing-health")
public final class HealthServlet extends HttpServlet {
    static final String PATH = "/health/";
    /** Framework property the launcher sets: the folder FileInstall watches for module bundles. */
    static final String MODULES_DIR = "billing.modules.dir";
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient StartupGate gate;
    private final transient Path modulesDir;

    @Activate
    public HealthServlet(BundleContext context, @Reference StartupGate gate) {
        this.context = context;
        this.gate = gate;
        String modules = context.getProperty(MODULES_DIR);
        this.modulesDir = modules == null || modules.isBlank() ? null : Path.of(modules);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String path = request.getPathInfo();
        if ("/live".equals(path)) {
            writeJson(response, "{\"status\":\"up\"}");
        } else if ("/ready".equals(path)) {
            Optional<String> problem = notReadyBecause();
            if (problem.isPresent()) {
                response.setStatus(503);
                response.setHeader("Retry-After", StartupGate.RETRY_AFTER_SECONDS);
                writeJson(response, "{\"status\":\"unavailable\",\"reason\":\"" + jsonText(problem.get()) + "\"}");
            } else {
                writeJson(response, "{\"status\":\"ready\"}");
            }
        } else {
            response.setStatus(404);
            writeJson(response, "{\"status\":\"unknown\",\"reason\":\"Try /health/live or /health/ready.\"}");
        }
    }

    /** The first check that fails, in the order a start passes them. */
    Optional<String> notReadyBecause() {
        if (!gate.isOpen()) {
            return Optional.of("starting");
        }
        String state = hostState();
        if (!"ready".equals(state)) {
            // the core's sentence may name the database server: it stays in the log
            return Optional.of(switch (state) {
                case "failed" -> "the host core failed to start";
                case "unavailable" -> "the database cannot be used";
                default -> "the host core is starting";
            });
        }
        return inactiveModule().map(jar -> "module " + jar + " is not active");
    }

    /** The state of the newest HostHealth (the core registers the new one before it removes the old one). */
    private String hostState() {
        try {
            Collection<ServiceReference<HostHealth>> refs = context.getServiceReferences(HostHealth.class, null);
            return refs.stream().max(Comparator.comparingLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)))
                    .map(r -> String.valueOf(r.getProperty(HostHealth.STATE))).orElse("starting");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name of a jar in modules/ whose bundle is missing or not active (a fragment only needs to be resolved). */
    private Optional<String> inactiveModule() {
        if (modulesDir == null) {
            return Optional.empty();
        }
        List<String> jars = new ArrayList<>();
        Path dir;
        try (Stream<Path> files = Files.list(modulesDir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(jars::add);
            dir = modulesDir.toRealPath();
        } catch (IOException e) {
            return Optional.of("(the modules directory cannot be read)");
        }
        for (Bundle bundle : context.getBundles()) {
            Path file = locationFile(bundle.getLocation());
            if (file != null && dir.equals(file.getParent()) && isUp(bundle)) {
                jars.remove(file.getFileName().toString());
            }
        }
        return jars.stream().sorted().findFirst();
    }

    private static boolean isUp(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        return bundle.getState() == Bundle.ACTIVE || fragment && bundle.getState() == Bundle.RESOLVED;
    }

    /** The real path of a bundle installed from a file that still exists, else null. */
    private static Path locationFile(String location) {
        String uri = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
        if (!uri.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(uri)).toRealPath();
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    static void writeJson(HttpServletResponse response, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
