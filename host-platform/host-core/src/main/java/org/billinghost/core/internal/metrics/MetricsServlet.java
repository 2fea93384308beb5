package org.billinghost.core.internal.metrics;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format, for a scraper that sends the configured bearer
 * token. Only the token's SHA-256 is configured, and the digests are compared in constant time. Without a token
 * configured the endpoint does not exist (404).
 */
@Component(service = Servlet.class, configurationPid = MetricsConfiguration.PID)
@Designate(ocd = MetricsConfiguration.class)
@HttpWhiteboardServletPattern(MetricsServlet.PATH)
@HttpWhiteboardServletName("billing-metrics")
public final class MetricsServlet extends HttpServlet {
    static final String PATH = "/metrics";
    /** Longest Authorization header read: a bearer token is far shorter. */
    static final int MAX_AUTHORIZATION = 512;
    private static final String BEARER = "Bearer ";
    private static final long serialVersionUID = 1L;

    private final transient PrometheusMetrics metrics;
    private final byte[] tokenDigest;

    @Activate
    public MetricsServlet(@Reference PrometheusMetrics metrics, MetricsConfiguration config) {
        this.metrics = metrics;
        String configured = config.bearerTokenSha256().strip().toLowerCase(Locale.ROOT);
        if (!configured.isEmpty() && !configured.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(MetricsConfiguration.PID
                    + ": bearerTokenSha256 must be 64 hex digits (printf %s TOKEN | sha256sum)");
        }
        this.tokenDigest = configured.isEmpty() ? new byte[0] : HexFormat.of().parseHex(configured);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (tokenDigest.length == 0) {
            response.sendError(404);
            return;
        }
        if (!authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(401);
            return;
        }
        response.setContentType(PrometheusMetrics.contentType());
        metrics.scrape(response.getOutputStream());
    }

    private boolean authorized(String header) {
        if (header == null || header.length() > MAX_AUTHORIZATION || !header.startsWith(BEARER)) {
            return false;
        }
        byte[] given = sha256(header.substring(BEARER.length()).strip());
        return MessageDigest.isEqual(tokenDigest, given);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
