package org.billinghost.web.internal.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.Preprocessor;

/**
 * Answers every page and API call with 503 and {@code Retry-After} from the moment the whiteboard serves until the
 * launcher has printed its ready line, so that a load balancer never sends a visitor to a host whose data is not
 * there yet. A preprocessor runs before any servlet context is chosen, so it covers the areas, the API and module
 * servlets alike. Only the launcher's own readiness probe (a random token it passes as a framework property) and
 * {@code /health/*} get through. Without a launcher (Pax Exam, Karaf) there is no token and the gate is open.
 */
@Component(service = {Preprocessor.class, StartupGate.class})
public final class StartupGate implements Preprocessor {
    /** Framework property: the token of the launcher's probe; its presence turns the gate on. */
    static final String TOKEN_PROPERTY = "billing.startup.probe.token";
    static final String PROBE_HEADER = "X-Billing-Startup-Probe";
    /** The service the launcher registers once it has printed the ready line. */
    static final String LAUNCHER_READY = "(billing.launcher.state=ready)";
    static final String RETRY_AFTER_SECONDS = "5";
    private static final String API_PATH = "/includes/api.php";

    private final byte[] token;
    private volatile boolean open;

    @Activate
    public StartupGate(BundleContext context) {
        String configured = context.getProperty(TOKEN_PROPERTY);
        this.token = configured == null ? new byte[0] : configured.getBytes(StandardCharsets.UTF_8);
        this.open = token.length == 0;
    }

    @Reference(service = Object.class, target = LAUNCHER_READY, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, unbind = "launcherGone")
    void launcherReady(Object marker) {
        open = true;
    }

    void launcherGone(Object marker) {
        // once open the gate stays open: the marker goes only when the framework stops
    }

    /** True once the launcher said ready (always true without a launcher). */
    boolean isOpen() {
        return open;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (open || isProbe(request) || request.getRequestURI().startsWith(HealthServlet.PATH)) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(503);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        if (API_PATH.equals(request.getRequestURI())) {
            // the API's error shape, so that clients parse it as they parse any other refusal
            HealthServlet.writeJson(response, "{\"result\":\"error\",\"message\":\"starting\"}");
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("starting\n");
        }
    }

    private boolean isProbe(HttpServletRequest request) {
        String given = request.getHeader(PROBE_HEADER);
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }
}
