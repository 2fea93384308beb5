package org.billinghost.web.internal.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.billinghost.api.platform.Metrics;
import org.billinghost.web.internal.LogText;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO line per request in the access log (logger {@value #LOGGER}: method, path without the query — an API
 * call may carry its secret there —, status, milliseconds, client address, request id). The request id is new for
 * every request, answered as {@value #HEADER} and put in the logging context as {@value #MDC_KEY}, so that every
 * line the request's thread logs in the application log carries it. Ranked above the start-up gate, so that its
 * 503s are logged too. Each request is also timed in {@value #METRIC} per area (admin, client, api, other) and
 * status class.
 */
@Component(service = Preprocessor.class, property = Constants.SERVICE_RANKING + ":Integer=100")
public final class AccessLog implements Preprocessor {
    static final String LOGGER = "org.billinghost.access";
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final String METRIC = "billing.http.requests";
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);

    private final Metrics metrics;

    @Activate
    public AccessLog(@Reference Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        response.setHeader(HEADER, id);
        long start = System.nanoTime();
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(req, res);
        } finally {
            long nanos = System.nanoTime() - start;
            ACCESS.info("{} {} {} {}ms {}", LogText.of(request.getMethod()), LogText.of(request.getRequestURI()),
                    response.getStatus(), nanos / 1_000_000, request.getRemoteAddr());
            metrics.record(METRIC, Duration.ofNanos(nanos), "area", area(request.getRequestURI()),
                    "status", response.getStatus() / 100 + "xx");
            MDC.remove(MDC_KEY);
        }
    }

    /** The part of the host a path belongs to: few values, whatever the path. */
    static String area(String path) {
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return "admin";
        }
        if (path.equals("/includes/api.php")) {
            return "api";
        }
        if (path.startsWith("/health/") || path.equals("/metrics") || path.startsWith("/sandbox/")) {
            return "other";
        }
        return "client";
    }
}
