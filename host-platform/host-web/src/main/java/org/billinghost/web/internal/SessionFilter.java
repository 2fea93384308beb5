package org.billinghost.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.billinghost.api.billing.BillingException;
import org.billinghost.api.log.FailureLog;
import org.billinghost.api.platform.Actor;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The first filter of both areas: finds the visitor's session, sets the security headers, lets the
 * area share what its pages show, and turns every failure of the filters and the page behind it into
 * a short page of our own (the detail goes to the log only, a stack trace at most once a minute per
 * kind of failure).
 */
@Component(service = Filter.class, property = Constants.SERVICE_RANKING + ":Integer=" + SessionFilter.RANKING)
@HttpWhiteboardContextSelect(Area.CONTEXTS)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("billing-session")
public final class SessionFilter implements Filter {
    /** The filters' order (higher runs first): session, form token, login, role. */
    public static final int RANKING = 400;
    private static final Logger LOG = LoggerFactory.getLogger(SessionFilter.class);
    private static final FailureLog FAILURES = new FailureLog(LOG);
    private static final String FAILED = "Something went wrong. The details are in the host's log.";

    private final Area admin;
    private final Area client;

    @Activate
    public SessionFilter(@Reference(target = Area.ADMIN_SELECT) Area admin,
                         @Reference(target = Area.CLIENT_SELECT) Area client) {
        this.admin = admin;
        this.client = client;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        Area area = admin.contextPath().equals(request.getContextPath()) ? admin : client;
        String path = path(request);
        Exchange exchange = new Exchange(request, response, area, path);
        exchange.share("area", area.name());
        exchange.securityHeaders();
        try {
            exchange.findSession();
            area.identify(exchange);
            // what the request does is credited to whoever is logged in (the activity log reads it)
            try (Actor.Scope ignored = Actor.actAs(exchange.actor())) {
                chain.doFilter(request, response);
            }
        } catch (PageException e) {
            error(exchange, response, e.status(), e.getMessage());
        } catch (BillingException e) {
            error(exchange, response, e.category().httpStatus(), e.getMessage());
        } catch (IOException e) {
            // the visitor's connection failed while the answer went out: no page can reach it, and it is no bug here
            LOG.info("Answer not delivered: path={} reason={}", LogText.of(path), LogText.of(e.toString()));
        } catch (Throwable e) {
            // Errors too (a StackOverflowError in a regular expression): the container's own page would name them.
            FAILURES.error(e, "Page failed: path={} method={}", LogText.of(path), LogText.of(request.getMethod()));
            error(exchange, response, 500, FAILED);
        }
    }

    /** The path the visitor asked for, as the route tables name it: the context's path and the path in it. */
    private static String path(HttpServletRequest request) {
        String path = request.getContextPath() + request.getServletPath()
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // Felix's whiteboard gives the site root an empty servlet path and no path info.
        return path.isEmpty() ? "/" : path;
    }

    private static void error(Exchange exchange, HttpServletResponse response, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            // part of the page has gone out already: nothing can replace it
            return;
        }
        try {
            exchange.render(status, "error.ftlh", Exchange.model("status", status, "message", message));
        } catch (RuntimeException e) {
            // Even the error page failed: answer plain text rather than let the container print a stack trace.
            FAILURES.error(e, "Error page failed: status={}", status);
            exchange.plainText(500, FAILED);
        }
    }
}
